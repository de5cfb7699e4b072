import { Outlet } from "@tanstack/react-router";
import { useFocusOnRouteChange } from "./route-focus";

export function RootLayout() {
  useFocusOnRouteChange();
  return (
    <>
      <Outlet />
      {/* Filled by lib/announce.ts for messages that have no visible home. */}
      <div id="announcer" className="visually-hidden" aria-live="polite" aria-atomic="true" />
    </>
  );
}
