import { useApolloClient, useSubscription, type ApolloCache, type ApolloClient } from "@apollo/client";
import { useState } from "react";
import { useMatch } from "react-router-dom";
import { graphql } from "../gql";
import { forgetDatasetLists } from "./apollo";

export const DatasetEventsSubscription = graphql(`
  subscription DatasetEvents {
    datasetEvents {
      kind
      datasetId
      dataset {
        ...DatasetCardFields
      }
    }
  }
`);

export const FollowDatasetSubscription = graphql(`
  subscription FollowDataset($id: ID!) {
    dataset(id: $id) {
      ...DatasetCardFields
      description
      visibility
      isPublic
      file {
        ...DataFileFields
      }
      files {
        ...DataFileFields
      }
    }
  }
`);

const DatasetNameFields = graphql(`
  fragment DatasetNameFields on Dataset {
    name
  }
`);

// The most entries one read of the activity returns (the API's limit on `first`).
const MOST_ACTIVITY = 100;

/**
 * A change to the open dataset also adds to its activity: read the owner's Activity tab again
 * if it is open (an activity list that is not shown is read afresh when it is opened), as
 * many entries as it shows, so the pages loaded with "Load more" stay.
 */
function refreshActivity(client: ApolloClient<unknown>, datasetId: string) {
  for (const query of client.getObservableQueries("active").values()) {
    if (query.queryName !== "DatasetActivity" || query.variables?.id !== datasetId) continue;
    const result = query.getCurrentResult().data as { dataset?: { activity?: { edges: unknown[] } | null } | null } | undefined;
    const shown = result?.dataset?.activity?.edges.length ?? 0;
    const first = Math.min(Math.max(Number(query.variables.first ?? 0), shown), MOST_ACTIVITY);
    void query.refetch({ first });
  }
}

/** Forget a dataset the viewer may no longer see; its name, if it was known. */
function forgetDataset(cache: ApolloCache<unknown>, datasetId: string): string | null {
  const id = cache.identify({ __typename: "Dataset", id: datasetId });
  const known = cache.readFragment({ id, fragment: DatasetNameFields });
  cache.evict({ id });
  forgetDatasetLists(cache);
  return known?.name ?? null;
}

function removedNotice(name: string | null): string {
  return name ? `“${name}” is no longer available to you.` : "A dataset is no longer available to you.";
}

/**
 * Keeps the list and the open dataset page up to date while the viewer looks at them:
 * new datasets appear, changed cards change, and a dataset that is no longer visible
 * disappears with a notice.
 */
export function LiveUpdates({ signedIn }: { signedIn: boolean }) {
  const client = useApolloClient();
  const [notice, setNotice] = useState<string | null>(null);
  const page = useMatch("/datasets/:id");
  const openId = page?.params.id && page.params.id !== "new" ? page.params.id : null;

  useSubscription(DatasetEventsSubscription, {
    skip: !signedIn,
    onData: ({ data }) => {
      const event = data.data?.datasetEvents;
      if (!event) return;
      if (event.kind === "ADDED") forgetDatasetLists(client.cache);
      // CHANGED: the card in the event updates the cache by its id.
      if (event.kind === "REMOVED") setNotice(removedNotice(forgetDataset(client.cache, event.datasetId)));
    },
  });

  useSubscription(FollowDatasetSubscription, {
    skip: openId === null,
    variables: { id: openId ?? "" },
    // The dataset itself (its files, problems and status with it) updates the cache by its id.
    onData: ({ data }) => {
      if (!data.data || !openId) return;
      if (data.data.dataset === null) setNotice(removedNotice(forgetDataset(client.cache, openId)));
      else refreshActivity(client, openId);
    },
  });

  if (!notice) return null;
  return (
    <div className="notice" role="status">
      <p>{notice}</p>
      <button type="button" onClick={() => setNotice(null)}>
        Dismiss
      </button>
    </div>
  );
}
