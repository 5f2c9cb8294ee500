import { graphql } from "../gql";

/** What every payload's `errors` carries: the screens put each message at its `field`. */
export const UserErrorFields = graphql(`
  fragment UserErrorFields on UserError {
    code
    message
    field
  }
`);
