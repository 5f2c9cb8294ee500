import type { ReactNode } from "react";

/** A dataset's facts as terms and values: kind, owner, size, … */
export function Facts({ facts, className = "facts" }: { facts: [string, ReactNode][]; className?: string }) {
  return (
    <dl className={className}>
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
