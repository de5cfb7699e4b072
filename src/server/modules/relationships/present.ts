import { isWritable } from "../../../core/relationships/status.js";
import type { ProgrammeRow } from "../programmes/repository.js";
import type { Side } from "./access.js";
import type { RelationshipRow } from "./create-pair.js";

/** The only shape a pair leaves the server in for its own two people. */
export const presentMyRelationship = (
  r: RelationshipRow,
  programme: Pick<ProgrammeRow, "id" | "name" | "slug" | "type">,
  side: Side,
  partner: { name: string; email: string },
) => ({
  id: r.id,
  programme: { id: programme.id, name: programme.name, slug: programme.slug, type: programme.type },
  status: r.status,
  origin: r.origin,
  side,
  partner,
  matchReasons: r.matchReasons,
  mentorAccepted: r.mentorAcceptedAt !== null,
  menteeAccepted: r.menteeAcceptedAt !== null,
  startedAt: r.startedAt?.toISOString() ?? null,
  endedAt: r.endedAt?.toISOString() ?? null,
  continuing: r.continuing,
  writable: isWritable(r.status, r.continuing),
  version: r.version,
  createdAt: r.createdAt.toISOString(),
});
