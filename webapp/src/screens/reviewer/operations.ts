import { graphql } from "../../gql";

/** Read once per visit: every answer counts one use of the link. */
export const DatasetByLinkQuery = graphql(`
  query DatasetByLink($token: String!) {
    datasetByLink(token: $token) {
      id
      name
      description
      kind
      annotatable
      createdAt
      owner {
        id
        displayName
      }
      file {
        filename
        sizeBytes
        downloadUrl
      }
      files {
        filename
        sizeBytes
        downloadUrl
      }
      viewerPermissions {
        canView
        canDownload
      }
      annotations(first: 100) {
        edges {
          node {
            ...AnnotationFields
          }
        }
        pageInfo {
          hasNextPage
        }
      }
    }
  }
`);
