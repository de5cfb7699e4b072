import type { QueryClient } from "@tanstack/react-query";
import { createRouter } from "@tanstack/react-router";
import { LoadingState } from "../components/loading-state";
import { routeTree } from "./routes";

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: "intent",
    // Let react-query decide freshness; the router only loads code and runs guards.
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: () => <LoadingState label="Loading the page…" />,
    scrollRestoration: true,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
