import { graphql } from "../../gql";

export const ActivityEntryFields = graphql(`
  fragment ActivityEntryFields on Activity {
    id
    kind
    at
    actor {
      id
      displayName
    }
    subjectEmail
    details
  }
`);

export const DatasetActivityQuery = graphql(`
  query DatasetActivity($id: ID!, $first: Int, $after: String) {
    dataset(id: $id) {
      id
      activity(first: $first, after: $after) {
        edges {
          cursor
          node {
            ...ActivityEntryFields
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);
