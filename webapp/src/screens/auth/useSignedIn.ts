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

const AFTER_CONFIRMATION = "datashare:after-confirmation";

/**
 * Sign-up from an invitation names the dataset (`?next=`), but the confirmation link that
 * logs in does not: this browser keeps the way until then.
 */
export function rememberForConfirmation(next: string | null): void {
  if (next) window.localStorage.setItem(AFTER_CONFIRMATION, safeNext(next));
}

export function takeRememberedForConfirmation(): string | null {
  const next = window.localStorage.getItem(AFTER_CONFIRMATION);
  window.localStorage.removeItem(AFTER_CONFIRMATION);
  return next;
}

/**
 * After the server set the session cookie: forget what was fetched as someone else, and go
 * on to `next` (else the page's own `?next=`, else the list).
 */
export function useSignedIn(): (next?: string | null) => Promise<void> {
  const sessionChanged = useSessionChanged();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const fromQuery = params.get("next");
  return useCallback(
    async (next?: string | null) => {
      await sessionChanged();
      navigate(safeNext(next ?? fromQuery), { replace: true });
    },
    [sessionChanged, navigate, fromQuery],
  );
}
