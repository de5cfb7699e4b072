import type { Principal } from "../../platform/auth/principal.js";
import { AppError } from "../../platform/errors.js";

/**
 * Who may change an account's credentials. An API token lives in scripts, CI secrets and
 * shell histories — the credential most likely to leak — so it may use the API but not
 * make itself permanent: minting tokens and changing the password need a browser session
 * (which needed the password).
 */
export const mayManageCredentials = (principal: Principal) => principal.via === "session";

export function assertMayManageCredentials(principal: Principal) {
  if (!mayManageCredentials(principal)) {
    throw new AppError(
      403,
      "browser_session_required",
      "API tokens cannot create tokens or change the password. Sign in with a browser to do that.",
    );
  }
}
