import { useCallback } from "react";
import { useNavigate, useSearchParams } from "react-router-dom";
import { useSessionChanged } from "../../app/session";

/**
 * Where to go once signed in: `?next=` when it points into this app (an invitation link
 * names the dataset), else the list.
 */
export function safeNext(next: string | null): string {
  if (!next) return "/";
  try {
    const url = new URL(next, window.location.origin);
    if (url.origin !== window.location.origin) return "/";
    return url.pathname + url.search + url.hash;
  } catch {
    return "/";
  }
}

/** After the server set the session cookie: forget what was fetched as someone else, go on. */
export function useSignedIn(): () => Promise<void> {
  const sessionChanged = useSessionChanged();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get("next");
  return useCallback(
    async () => {
      await sessionChanged();
      navigate(safeNext(next), { replace: true });
    },
    [sessionChanged, navigate, next],
  );
}
