import type { DatasetKind } from "../gql/graphql";
import { IncompleteRunIcon } from "./icons";

export const INCOMPLETE_RUN = "Incomplete MSI run";

/** On a card: a warning icon while the dataset's files are incomplete, its problems as the tooltip. */
export function IncompleteRunBadge({ problems }: { problems: readonly string[] }) {
  if (problems.length === 0) return null;
  return (
    <span className="incomplete-run" role="img" aria-label={INCOMPLETE_RUN} title={`${INCOMPLETE_RUN}: ${problems.join(" ")}`}>
      <IncompleteRunIcon />
    </span>
  );
}

interface FileProblemsProps {
  kind: DatasetKind;
  filenames: readonly string[];
  problems: readonly string[];
}

/** On the dataset page: what keeps an MSI run from being complete, in plain words; or that it is complete. */
export function FileProblems({ kind, filenames, problems }: FileProblemsProps) {
  if (problems.length > 0) {
    return (
      <div className="file-problems" role="status" aria-label={INCOMPLETE_RUN}>
        <p>
          <IncompleteRunIcon />
          <span>
            <strong>{INCOMPLETE_RUN}</strong>: it cannot be used until its files are complete.
          </span>
        </p>
        <ul>
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      </div>
    );
  }
  if (kind === "MSI" && filenames.some((name) => name.toLowerCase().endsWith(".imzml"))) {
    return (
      <p className="run-complete" role="status">
        Complete MSI run: every .imzML has its .ibd of the same run.
      </p>
    );
  }
  return null;
}
