import { useQuery } from "@apollo/client";
import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { useViewer } from "../../app/session";
import type { DatasetKind, DatasetScope } from "../../gql/graphql";
import { useDatasetDialogs } from "../useDatasetDialogs";
import { DatasetCard } from "./DatasetCard";
import { ScopeTabs, tabId, type ScopeTab } from "./ScopeTabs";
import { DatasetListQuery } from "./operations";

const TABS: ScopeTab[] = [
  { scope: "MINE", label: "Mine" },
  { scope: "OWNED", label: "Owned" },
  { scope: "SHARED_WITH_ME", label: "Shared with me" },
  { scope: "PUBLIC", label: "Public" },
];

const KINDS: { kind: DatasetKind | ""; label: string }[] = [
  { kind: "", label: "All kinds" },
  { kind: "MSI", label: "MSI" },
  { kind: "IMAGE", label: "Images" },
];

function readScope(value: string | null, signedIn: boolean): DatasetScope {
  if (!signedIn) return "PUBLIC";
  return TABS.find((tab) => tab.scope === value)?.scope ?? "MINE";
}

/** The dataset list: tabs by scope, a search, a kind filter, and more cards on demand. */
export function DatasetListPage() {
  const { viewer, loading: viewerLoading } = useViewer();
  const [params, setParams] = useSearchParams();
  const scope = readScope(params.get("tab"), viewer !== null);
  const kind = (params.get("kind") as DatasetKind | null) || null;
  const search = params.get("q") || null;
  const [typed, setTyped] = useState(search ?? "");
  const [dialog, openDialog] = useDatasetDialogs();

  const { data, loading, error, fetchMore } = useQuery(DatasetListQuery, {
    variables: { scope, kind, search },
    skip: viewerLoading,
    notifyOnNetworkStatusChange: true,
  });

  const setParam = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setParam("q", typed.trim() || null);
  };

  const connection = data?.datasets;
  const tabs = viewer ? TABS : TABS.filter((tab) => tab.scope === "PUBLIC");

  return (
    <section className="list-page">
      <div className="list-heading">
        <h1>Datasets</h1>
        {viewer ? (
          <Link className="button" to="/datasets/new">
            New dataset
          </Link>
        ) : (
          <p>
            <Link to="/login">Log in</Link> or <Link to="/signup">sign up</Link> to keep and share your own datasets.
          </p>
        )}
      </div>
      <ScopeTabs tabs={tabs} selected={scope} panelId="dataset-panel" onSelect={(tab) => setParam("tab", tab === "MINE" ? null : tab)} />
      <div role="tabpanel" id="dataset-panel" aria-labelledby={tabId(scope)}>
        <div className="list-filters">
          <form role="search" onSubmit={onSearch}>
            <label htmlFor="dataset-search" className="visually-hidden">
              Search datasets
            </label>
            <input id="dataset-search" type="search" placeholder="Search by name" value={typed} onChange={(e) => setTyped(e.target.value)} />
            <button type="submit">Search</button>
          </form>
          <select aria-label="Kind" value={kind ?? ""} onChange={(e) => setParam("kind", e.target.value || null)}>
            {KINDS.map((option) => (
              <option key={option.kind} value={option.kind}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        {error && <p role="alert">The datasets could not be loaded: {error.message}</p>}
        {connection && connection.edges.length === 0 && <p>No datasets here yet.</p>}
        {connection && (
          <ul className="cards" aria-label="Datasets">
            {connection.edges.map(({ node }) => (
              <DatasetCard key={node.id} dataset={node} onOpen={openDialog} />
            ))}
          </ul>
        )}
        {loading && <p aria-live="polite">Loading…</p>}
        {connection?.pageInfo.hasNextPage && !loading && (
          <button type="button" className="more" onClick={() => fetchMore({ variables: { after: connection.pageInfo.endCursor } })}>
            More datasets
          </button>
        )}
      </div>
      {dialog}
    </section>
  );
}
