import type { Principal } from "../../platform/auth/principal.js";
import type { Db } from "../../platform/db.js";
import { loadProgrammeActor } from "../support/access.js";
import { evaluateProgrammeAlerts } from "./evaluate-alerts.js";
import { assertWorksQueue } from "./policies.js";

/** "Check now": the coordinator runs the programme's evaluation without waiting for the hourly one. */
export async function evaluateNow(db: Db, principal: Principal, programmeId: string, now = new Date()) {
  const { programme, actor } = await loadProgrammeActor(db, principal, programmeId);
  assertWorksQueue(actor);
  const e = await evaluateProgrammeAlerts(db, programme, now);
  return { raised: e.raised, cleared: e.cleared, open: e.open };
}
