import { useRouterState } from "@tanstack/react-router";
import { useLayoutEffect, useRef } from "react";
import { dropFlashNotFor } from "../lib/flash";

/**
 * After moving to another page, put focus on its heading (or on <main> when the
 * page has none yet), the way a fresh page load would start reading from the top.
 * Screen readers announce the new heading; keyboard users start from the content.
 * Changes to only the query string (search, paging) keep focus where it is.
 */
export function useFocusOnRouteChange(): void {
  const pathname = useRouterState({ select: (state) => state.resolvedLocation?.pathname ?? null });
  const previous = useRef<string | null>(null);

  useLayoutEffect(() => {
    if (pathname === null) return;
    const first = previous.current === null;
    const changed = previous.current !== pathname;
    previous.current = pathname;
    dropFlashNotFor(pathname);
    if (first || !changed) return;
    const target = document.querySelector<HTMLElement>("[data-page-heading]") ?? document.querySelector<HTMLElement>("main");
    target?.focus();
    window.scrollTo(0, 0);
  }, [pathname]);
}
