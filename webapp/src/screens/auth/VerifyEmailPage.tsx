import { useMutation } from "@apollo/client";
import { useEffect, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { useViewer } from "../../app/session";
import { VerifyEmailMutation } from "./operations";
import { takeRememberedForConfirmation, useSignedIn } from "./useSignedIn";

/** The confirmation link's page: confirms the address once, then goes on logged in. */
export function VerifyEmailPage() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const [verifyEmail] = useMutation(VerifyEmailMutation);
  const signedIn = useSignedIn();
  const [failure, setFailure] = useState<string | null>(null);
  const sent = useRef(false);
  // Who was here before is read first, so that answer cannot land after the new session's.
  const { loading: viewerLoading } = useViewer();

  useEffect(() => {
    // A token is single-use: never send it twice (React may run effects twice in development).
    if (viewerLoading || sent.current) return;
    sent.current = true;
    verifyEmail({ variables: { input: { token } } })
      .then(({ data }) => {
        const errors = data?.verifyEmail.errors ?? [];
        if (errors.length > 0) setFailure(errors.map((error) => error.message).join(" "));
        else return signedIn(takeRememberedForConfirmation());
      })
      .catch((error: Error) => setFailure(`The request failed: ${error.message}`));
  }, [viewerLoading, token, verifyEmail, signedIn]);

  return (
    <section className="narrow">
      <h1>Confirm your address</h1>
      {failure ? (
        <>
          <p role="alert">{failure}</p>
          <p>
            <Link to="/signup">Sign up again</Link> to get a new link, or <Link to="/login">log in</Link>.
          </p>
        </>
      ) : (
        <p aria-live="polite">Confirming…</p>
      )}
    </section>
  );
}
