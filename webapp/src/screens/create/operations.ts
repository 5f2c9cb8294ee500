import { graphql } from "../../gql";

export const CreateDatasetMutation = graphql(`
  mutation CreateDataset($input: CreateDatasetInput!) {
    createDataset(input: $input) {
      dataset {
        id
        name
        kind
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);
