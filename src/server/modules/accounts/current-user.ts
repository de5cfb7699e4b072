import type { Principal } from "../../platform/auth/principal.js";
import type { Executor } from "../../platform/db.js";
import { listMembershipsOfUser } from "../programmes/repository.js";

export async function loadCurrentUser(db: Executor, principal: Principal) {
  const memberships = await listMembershipsOfUser(db, principal.user.id);
  return { ...principal.user, memberships };
}
