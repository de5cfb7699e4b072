import { useRouterState } from "@tanstack/react-router";
import { clearFlash, useFlash } from "../lib/flash";

/**
 * A one-off confirmation carried across a navigation ("Programme created").
 * The status region is always in the page so the message is announced when it appears.
 */
export function FlashMessage() {
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const message = useFlash(pathname);
  return (
    <div role="status" className="flash-region">
      {message ? (
        <div className="notice notice--success">
          <p>{message}</p>
          <button type="button" className="button button--link" onClick={clearFlash}>
            Dismiss<span className="visually-hidden"> message</span>
          </button>
        </div>
      ) : null}
    </div>
  );
}
