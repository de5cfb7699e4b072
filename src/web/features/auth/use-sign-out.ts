import { useMutation, useQueryClient } from "@tanstack/react-query";
import { setFlash } from "../../lib/flash";
import { signOut, signOutEverywhere } from "./auth-api";
import { forgetSession } from "./session";

/** Sign out here only, or on every device; either way we land on the sign-in page. */
export function useSignOut(scope: "here" | "everywhere" = "here") {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: scope === "here" ? signOut : signOutEverywhere,
    onSuccess: () => {
      setFlash(scope === "here" ? "You have signed out." : "You have signed out on every device and browser.", "/sign-in");
      // The signed-in layout notices and takes us to the sign-in page.
      forgetSession(queryClient, "signed-out");
    },
  });
}
