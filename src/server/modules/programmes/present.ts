import { type ProgrammeRoleName, primaryRole } from "../../../core/permissions.js";
import { allowedTransitions, isAcceptingApplications } from "../../../core/programmes/lifecycle.js";
import { termWeeks } from "../../../core/programmes/phases.js";
import type { ProgrammeRow } from "./repository.js";

/** The only shape a programme leaves the server in. */
export const presentProgramme = (p: ProgrammeRow, roles: readonly ProgrammeRoleName[], now = new Date()) => ({
  id: p.id,
  slug: p.slug,
  name: p.name,
  type: p.type,
  description: p.description,
  termStart: p.termStart,
  termEnd: p.termEnd,
  termWeeks: termWeeks(p.termStart, p.termEnd),
  status: p.status,
  nextStatuses: allowedTransitions(p.status),
  cadence: p.cadence,
  sessionMinutes: p.sessionMinutes,
  matchMode: p.matchMode,
  acceptance: p.acceptance,
  requestLimit: p.requestLimit,
  requestExpiryDays: p.requestExpiryDays,
  phases: p.phases,
  applicationsOpenAt: p.applicationsOpenAt?.toISOString() ?? null,
  applicationsCloseAt: p.applicationsCloseAt?.toISOString() ?? null,
  acceptingApplications: isAcceptingApplications(p, now),
  version: p.version,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
  archivedAt: p.archivedAt?.toISOString() ?? null,
  myRole: primaryRole(roles),
});
