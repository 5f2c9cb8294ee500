import { Link } from "react-router-dom";

/** The app's own page for a path, or a dataset, that is not there. */
export function NotFoundPage({ what = "There is no page at this address." }: { what?: string }) {
  return (
    <section className="narrow">
      <h1>Not found</h1>
      <p>{what}</p>
      <p>
        <Link to="/">Go to the dataset list</Link>
      </p>
    </section>
  );
}
