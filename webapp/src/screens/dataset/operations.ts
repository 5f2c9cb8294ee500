import { graphql } from "../../gql";

export const DataFileFields = graphql(`
  fragment DataFileFields on DataFile {
    filename
    contentType
    sizeBytes
    sha256
    downloadUrl
  }
`);

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
      uploadUrl
      fileProblems
      badges
      isPublic
      owner {
        id
        displayName
      }
      file {
        ...DataFileFields
      }
      files {
        ...DataFileFields
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

export const DeleteDatasetFileMutation = graphql(`
  mutation DeleteDatasetFile($input: DeleteDatasetFileInput!) {
    deleteDatasetFile(input: $input) {
      dataset {
        id
        uploadStatus
        fileProblems
        file {
          ...DataFileFields
        }
        files {
          ...DataFileFields
        }
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);
