import { ApolloClient, HttpLink, InMemoryCache, type ApolloCache } from "@apollo/client";
import { relayStylePagination } from "@apollo/client/utilities";

/** The cache's merge rules: one list per tab, search and kind; pages appended by cursor. */
export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Query: {
        fields: {
          datasets: relayStylePagination(["scope", "kind", "search"]),
        },
      },
      Dataset: {
        fields: {
          annotations: relayStylePagination(),
        },
      },
      // Entries have no id of their own; an access list is always read whole.
      AccessList: { keyFields: false },
      AccessEntry: { keyFields: false },
      DatasetPermissions: { keyFields: false, merge: true },
    },
  });
}

/**
 * The app's GraphQL client. It relies on the same-origin session cookie: a JSON POST is
 * never a "simple" request, so the server lets the cookie act for it.
 */
export function createApolloClient(): ApolloClient<unknown> {
  return new ApolloClient({
    link: new HttpLink({ uri: "/graphql", credentials: "same-origin" }),
    cache: createCache(),
  });
}

/** Lists are read again next time they show (a dataset was added, removed or left). */
export function forgetDatasetLists(cache: ApolloCache<unknown>): void {
  cache.evict({ id: "ROOT_QUERY", fieldName: "datasets" });
  cache.gc();
}
