import { graphql } from "../../gql";

export const ShareLinkFields = graphql(`
  fragment ShareLinkFields on ShareLink {
    id
    label
    anonymous
    allowDownload
    expiresAt
    createdAt
    revokedAt
    active
    useCount
    lastUsedAt
  }
`);

export const ShareLinksQuery = graphql(`
  query ShareLinks($id: ID!) {
    dataset(id: $id) {
      id
      shareLinks {
        ...ShareLinkFields
      }
    }
  }
`);

export const CreateShareLinkMutation = graphql(`
  mutation CreateShareLink($input: CreateShareLinkInput!) {
    createShareLink(input: $input) {
      shareLink {
        ...ShareLinkFields
      }
      url
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const RevokeShareLinkMutation = graphql(`
  mutation RevokeShareLink($input: RevokeShareLinkInput!) {
    revokeShareLink(input: $input) {
      shareLink {
        ...ShareLinkFields
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);
