import { graphql } from "../../gql";

export const AnnotationFields = graphql(`
  fragment AnnotationFields on Annotation {
    id
    label
    note
    color
    geometry
    viewerCanEdit
    author {
      id
      displayName
    }
  }
`);

export const AnnotationsQuery = graphql(`
  query Annotations($id: ID!, $after: String) {
    dataset(id: $id) {
      id
      annotations(first: 100, after: $after) {
        edges {
          cursor
          node {
            ...AnnotationFields
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

export const CreateAnnotationMutation = graphql(`
  mutation CreateAnnotation($input: CreateAnnotationInput!) {
    createAnnotation(input: $input) {
      annotation {
        ...AnnotationFields
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const UpdateAnnotationMutation = graphql(`
  mutation UpdateAnnotation($input: UpdateAnnotationInput!) {
    updateAnnotation(input: $input) {
      annotation {
        ...AnnotationFields
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const DeleteAnnotationMutation = graphql(`
  mutation DeleteAnnotation($input: DeleteAnnotationInput!) {
    deleteAnnotation(input: $input) {
      deletedId
      errors {
        ...UserErrorFields
      }
    }
  }
`);
