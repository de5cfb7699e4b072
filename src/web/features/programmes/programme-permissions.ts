import type { CurrentUser } from "../auth/auth-api";
import type { Programme } from "./programmes-api";

/** Coordinators of a programme and instance admins edit, archive and staff it. */
export function canManageProgramme(user: CurrentUser, programme: Programme): boolean {
  return user.isAdmin || programme.myRole === "coordinator";
}
