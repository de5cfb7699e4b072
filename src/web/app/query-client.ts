import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { ApiError } from "../lib/api";

/**
 * One query client for the app. When any request finds the session gone (401
 * unauthenticated) we hand over to onSessionLost, which sends the person to sign in.
 */
export function createQueryClient(onSessionLost: () => void): QueryClient {
  const handle = (error: unknown) => {
    if (error instanceof ApiError && error.status === 401 && error.code === "unauthenticated") onSessionLost();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: handle }),
    mutationCache: new MutationCache({ onError: handle }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        retry: (failureCount, error) => {
          // 4xx answers won't change by asking again; network blips might.
          if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
          return failureCount < 2;
        },
      },
    },
  });
}
