import { useRef, type KeyboardEvent } from "react";
import type { DatasetScope } from "../../gql/graphql";

export interface ScopeTab {
  scope: DatasetScope;
  label: string;
}

interface ScopeTabsProps {
  tabs: readonly ScopeTab[];
  selected: DatasetScope;
  panelId: string;
  onSelect: (scope: DatasetScope) => void;
}

export const tabId = (scope: DatasetScope) => `scope-tab-${scope.toLowerCase()}`;

/** The list's tabs, one per scope: arrow keys, Home and End move between them (ARIA tabs). */
export function ScopeTabs({ tabs, selected, panelId, onSelect }: ScopeTabsProps) {
  const list = useRef<HTMLDivElement>(null);

  const onKeyDown = (event: KeyboardEvent) => {
    const at = tabs.findIndex((tab) => tab.scope === selected);
    const moves: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = tabs[(moves[event.key] + tabs.length) % tabs.length];
    onSelect(next.scope);
    list.current?.querySelector<HTMLButtonElement>(`#${tabId(next.scope)}`)?.focus();
  };

  return (
    <div className="tabs" role="tablist" aria-label="Which datasets" ref={list} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab.scope}
          id={tabId(tab.scope)}
          type="button"
          role="tab"
          aria-selected={tab.scope === selected}
          aria-controls={panelId}
          tabIndex={tab.scope === selected ? 0 : -1}
          onClick={() => onSelect(tab.scope)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
