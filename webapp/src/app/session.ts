import { useQuery } from "@apollo/client";
import { graphql } from "../gql";

export const ViewerQuery = graphql(`
  query Viewer {
    me {
      id
      displayName
      email
    }
  }
`);

export const LogOutMutation = graphql(`
  mutation LogOut {
    logOut {
      errors {
        code
        message
        field
      }
    }
  }
`);

/** The person using the app, or null when anonymous; `loading` until the server has said. */
export function useViewer() {
  const { data, loading } = useQuery(ViewerQuery);
  return { viewer: data?.me ?? null, loading };
}
