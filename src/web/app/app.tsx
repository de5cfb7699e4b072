import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { useState } from "react";
import { forgetSession, installCsrfRefresh } from "../features/auth/session";
import { createQueryClient } from "./query-client";
import { createAppRouter } from "./router";

function createApp() {
  // Somewhere a request found the session gone: forget it, and the signed-in layout
  // asks the person to sign in again.
  const queryClient = createQueryClient(() => forgetSession(queryClient, "expired"));
  installCsrfRefresh(queryClient);
  const router = createAppRouter(queryClient);
  return { queryClient, router };
}

export function App() {
  const [{ queryClient, router }] = useState(createApp);
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
