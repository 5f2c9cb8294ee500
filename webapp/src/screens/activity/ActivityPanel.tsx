import { useQuery } from "@apollo/client";
import { useState } from "react";
import { describeActivity } from "./describe";
import { DatasetActivityQuery } from "./operations";

export const PAGE_SIZE = 20;

/** The owner's view of what happened to a dataset, newest first, more on demand. */
export function ActivityPanel({ datasetId }: { datasetId: string }) {
  const { data, loading, error, fetchMore } = useQuery(DatasetActivityQuery, {
    variables: { id: datasetId, first: PAGE_SIZE },
    // Each visit to the tab shows what happened since the last one.
    fetchPolicy: "cache-and-network",
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const connection = data?.dataset?.activity;

  if (!connection) {
    if (loading) return <p aria-live="polite">Loading the activity…</p>;
    if (error) return <p role="alert">The activity could not be loaded: {error.message}</p>;
    return null;
  }

  const { edges, pageInfo } = connection;
  const loadMore = async () => {
    setLoadingMore(true);
    try {
      await fetchMore({ variables: { after: pageInfo.endCursor } });
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <section className="activity" aria-labelledby="activity-heading">
      <h2 id="activity-heading">Activity</h2>
      {edges.length === 0 ? (
        <p>Nothing has happened yet.</p>
      ) : (
        <ol className="activity-list" aria-label="Activity, newest first">
          {edges.map(({ node }) => (
            <li key={node.id}>
              <span className="activity-what">{describeActivity(node)}</span>{" "}
              <time dateTime={node.at} className="activity-when">
                {new Date(node.at).toLocaleString()}
              </time>
            </li>
          ))}
        </ol>
      )}
      {pageInfo.hasNextPage && (
        <button type="button" onClick={() => void loadMore()} disabled={loadingMore}>
          {loadingMore ? "Loading…" : "Load more"}
        </button>
      )}
    </section>
  );
}
