import { useApolloClient, useQuery } from "@apollo/client";
import { useCallback } from "react";
import { graphql } from "../gql";

/** Who is logged in, as the page bar and the session answers show them. */
export const ViewerFields = graphql(`
  fragment ViewerFields on User {
    id
    displayName
    email
  }
`);

export const ViewerQuery = graphql(`
  query Viewer {
    me {
      ...ViewerFields
    }
  }
`);

export const LogOutMutation = graphql(`
  mutation LogOut {
    logOut {
      errors {
        ...UserErrorFields
      }
    }
  }
`);

/** The person using the app, or null when anonymous; `loading` until the server has said. */
export function useViewer() {
  const { data, loading } = useQuery(ViewerQuery);
  return { viewer: data?.me ?? null, loading };
}

/**
 * After logging in or out (the server set or cleared the cookie already): drop everything
 * fetched as the previous person, and ask again who is here.
 */
export function useSessionChanged(): () => Promise<void> {
  const client = useApolloClient();
  return useCallback(async () => {
    await client.resetStore();
  }, [client]);
}
