import { graphql } from "../../gql";

export const DatasetCardFields = graphql(`
  fragment DatasetCardFields on Dataset {
    id
    name
    kind
    uploadStatus
    fileProblems
    badges
    owner {
      id
      displayName
    }
    file {
      sizeBytes
    }
    viewerPermissions {
      canShare
      canManageAccess
    }
  }
`);

export const DatasetListQuery = graphql(`
  query DatasetList($scope: DatasetScope!, $kind: DatasetKind, $search: String, $after: String) {
    datasets(scope: $scope, kind: $kind, search: $search, first: 20, after: $after) {
      edges {
        cursor
        node {
          ...DatasetCardFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
