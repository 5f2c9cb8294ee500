import { graphql } from "../../gql";

export const DatasetPageQuery = graphql(`
  query DatasetPage($id: ID!) {
    dataset(id: $id) {
      id
      name
      description
      kind
      annotatable
      createdAt
      uploadStatus
      badges
      isPublic
      owner {
        id
        displayName
      }
      file {
        filename
        contentType
        sizeBytes
        sha256
        downloadUrl
      }
      viewerGrant {
        id
      }
      viewerPermissions {
        canView
        canDownload
        canShare
        canModify
        canSetPublic
        canManageAccess
        canDelete
      }
    }
  }
`);

export const DeleteDatasetMutation = graphql(`
  mutation DeleteDataset($input: DeleteDatasetInput!) {
    deleteDataset(input: $input) {
      deletedId
      errors {
        ...UserErrorFields
      }
    }
  }
`);
