import { ApolloClient, HttpLink, InMemoryCache, split, type ApolloCache, type FieldPolicy } from "@apollo/client";
import { GraphQLWsLink } from "@apollo/client/link/subscriptions";
import { getMainDefinition, relayStylePagination } from "@apollo/client/utilities";
import { createClient, type Client } from "graphql-ws";

/**
 * Relay pages appended by cursor, for a connection the server may answer with null (one the
 * viewer may not read): null stays null instead of reading as an empty list.
 */
function nullableRelayPagination(): FieldPolicy {
  const pages = relayStylePagination();
  const merge = pages.merge as NonNullable<Exclude<FieldPolicy["merge"], boolean>>;
  const read = pages.read as NonNullable<FieldPolicy["read"]>;
  return {
    ...pages,
    merge: (existing, incoming, options) => (incoming === null ? null : merge(existing, incoming, options)),
    read: (existing, options) => (existing === null ? null : read(existing, options)),
  };
}

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
          activity: nullableRelayPagination(),
          // Always read whole: a removed file leaves the list.
          files: { merge: false },
          // The primary file (no id of its own) is replaced whole when another takes its place.
          file: { merge: false },
        },
      },
      // Entries have no id of their own; an access list is always read whole.
      AccessList: { keyFields: false },
      AccessEntry: { keyFields: false },
      DatasetPermissions: { keyFields: false, merge: true },
    },
  });
}

/** Waits before the next attempt to reconnect: 1 s, 2 s, 4 s … up to 30 s, with jitter. */
export function reconnectDelay(retries: number): number {
  return Math.min(30_000, 1000 * 2 ** retries) * (0.75 + Math.random() / 2);
}

/** The WebSocket of live updates (graphql-transport-ws on /graphql, same origin). */
function createLiveClient(onReconnected: () => void): Client {
  const scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
  let connectedBefore = false;
  return createClient({
    url: `${scheme}//${window.location.host}/graphql`,
    // The same-origin session cookie authenticates the connection.
    lazy: true,
    retryAttempts: Number.POSITIVE_INFINITY,
    // Network drops and server restarts are retried; a logged-out session (4401) is not.
    shouldRetry: (event) => !(event && typeof event === "object" && "code" in event && event.code === 4401),
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, reconnectDelay(retries))),
    on: {
      connected: () => {
        // Events sent while the connection was down are lost: read everything again.
        if (connectedBefore) onReconnected();
        connectedBefore = true;
      },
    },
  });
}

let liveClient: Client | null = null;

/**
 * The app's GraphQL client. Queries and mutations go over HTTP with the same-origin session
 * cookie (a JSON POST is never a "simple" request, so the server lets the cookie act for it);
 * subscriptions go over the WebSocket.
 */
export function createApolloClient(): ApolloClient<unknown> {
  const client: ApolloClient<unknown> = new ApolloClient({
    link: split(
      ({ query }) => {
        const definition = getMainDefinition(query);
        return definition.kind === "OperationDefinition" && definition.operation === "subscription";
      },
      new GraphQLWsLink(
        (liveClient = createLiveClient(() => {
          void client.refetchQueries({ include: "active" });
        })),
      ),
      new HttpLink({ uri: "/graphql", credentials: "same-origin" }),
    ),
    cache: createCache(),
  });
  return client;
}

/** After logging in or out: the live connection opens again with the new session. */
export function restartLiveUpdates(): void {
  liveClient?.terminate();
}

/** Lists are read again next time they show (a dataset was added, removed or left). */
export function forgetDatasetLists(cache: ApolloCache<unknown>): void {
  cache.evict({ id: "ROOT_QUERY", fieldName: "datasets" });
  cache.gc();
}
