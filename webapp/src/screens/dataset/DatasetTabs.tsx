import { useRef, type KeyboardEvent, type ReactNode } from "react";

export type DatasetTab = "overview" | "activity";

const TABS: { id: DatasetTab; label: string }[] = [
  { id: "overview", label: "Overview" },
  { id: "activity", label: "Activity" },
];

/** The owner's tabs on a dataset page (WAI-ARIA tabs: arrow keys move between them). */
export function DatasetTabs({ tab, onChange, children }: { tab: DatasetTab; onChange: (tab: DatasetTab) => void; children: ReactNode }) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const index = (TABS.findIndex((each) => each.id === tab) + step + TABS.length) % TABS.length;
    onChange(TABS[index].id);
    buttons.current[index]?.focus();
  };

  return (
    <>
      <div role="tablist" aria-label="Dataset" className="tabs" onKeyDown={onKeyDown}>
        {TABS.map((each, index) => (
          <button
            key={each.id}
            ref={(element) => {
              buttons.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`dataset-tab-${each.id}`}
            aria-selected={tab === each.id}
            aria-controls={`dataset-panel-${each.id}`}
            tabIndex={tab === each.id ? 0 : -1}
            onClick={() => onChange(each.id)}
          >
            {each.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`dataset-panel-${tab}`} aria-labelledby={`dataset-tab-${tab}`}>
        {children}
      </div>
    </>
  );
}
