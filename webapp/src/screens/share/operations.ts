import { graphql } from "../../gql";

export const ShareDialogQuery = graphql(`
  query ShareDialog($id: ID!) {
    dataset(id: $id) {
      id
      name
      annotatable
      isPublic
      viewerPermissions {
        canShare
        canModify
        canSetPublic
      }
      viewerGrant {
        id
        expiresAt
      }
    }
    teams {
      id
      name
    }
  }
`);

export const DatasetStatusFields = graphql(`
  fragment DatasetStatusFields on Dataset {
    id
    isPublic
    visibility
    badges
  }
`);

export const ShareDatasetMutation = graphql(`
  mutation ShareDataset($input: ShareDatasetInput!) {
    shareDataset(input: $input) {
      dataset {
        ...DatasetStatusFields
      }
      grants {
        id
        recipientEmail
        expiresAt
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const SetPublicMutation = graphql(`
  mutation SetPublic($input: SetPublicInput!) {
    setPublic(input: $input) {
      dataset {
        ...DatasetStatusFields
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);
