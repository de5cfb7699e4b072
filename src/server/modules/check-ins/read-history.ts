import type { Principal } from "../../platform/auth/principal.js";
import type { Db } from "../../platform/db.js";
import { loadProgrammeActor } from "../support/access.js";
import { assertLogsCheckIns, canReadCheckInNotes } from "./policies.js";
import { checkInHistory, programmePair } from "./repository.js";

export async function readCheckInHistory(db: Db, principal: Principal, programmeId: string, relationshipId: string) {
  const { programme, actor } = await loadProgrammeActor(db, principal, programmeId);
  assertLogsCheckIns(actor);
  const pair = await programmePair(db, programme.id, relationshipId);
  return {
    ...(await checkInHistory(db, pair.r.id, canReadCheckInNotes(actor))),
    pair: { mentee: { name: pair.mentee.name }, mentor: { name: pair.mentor.name }, status: pair.r.status },
  };
}
