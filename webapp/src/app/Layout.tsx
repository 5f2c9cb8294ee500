import { useMutation } from "@apollo/client";
import { Link, Outlet, useNavigate } from "react-router-dom";
import { LiveUpdates } from "./live";
import { LogOutMutation, useSessionChanged, useViewer } from "./session";

/** The bar on every page: the name of the service, and who is logged in. */
export function Layout() {
  const { viewer } = useViewer();
  const sessionChanged = useSessionChanged();
  const navigate = useNavigate();
  const [logOut] = useMutation(LogOutMutation);

  const onLogOut = async () => {
    await logOut();
    await sessionChanged();
    navigate("/");
  };

  return (
    <>
      <header className="top-bar">
        <Link to="/" className="brand">
          datashare
        </Link>
        <nav aria-label="Account">
          {viewer ? (
            <>
              <Link to="/teams">Teams</Link>
              <span className="viewer-name">{viewer.displayName}</span>
              <button type="button" onClick={onLogOut}>
                Log out
              </button>
            </>
          ) : (
            <>
              <Link to="/login">Log in</Link>
              <Link to="/signup">Sign up</Link>
            </>
          )}
        </nav>
      </header>
      <main>
        <LiveUpdates signedIn={viewer !== null} />
        <Outlet />
      </main>
    </>
  );
}
