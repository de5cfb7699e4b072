import { type ProgrammeRoleName, primaryRole } from "../../../core/permissions.js";
import type { ProgrammeRow } from "./repository.js";

/** The only shape a programme leaves the server in. */
export const presentProgramme = (p: ProgrammeRow, roles: readonly ProgrammeRoleName[]) => ({
  id: p.id,
  slug: p.slug,
  name: p.name,
  type: p.type,
  description: p.description,
  termStart: p.termStart,
  termEnd: p.termEnd,
  status: p.status,
  version: p.version,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
  archivedAt: p.archivedAt?.toISOString() ?? null,
  myRole: primaryRole(roles),
});
