import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import type { CoachProfile, CoachProfileUpdate } from "../../../contracts/coaching.js";
import type { Answers, SkillAnswer } from "../../../core/intake/questions.js";
import { canManageProgramme } from "../../../core/permissions.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db, Executor } from "../../platform/db.js";
import { badRequest, conflict, notFound } from "../../platform/errors.js";
import { users } from "../accounts/tables.js";
import { enrolments } from "../enrolment/tables.js";
import { loadProgrammeFor } from "../programmes/access.js";
import { findProgramme, rolesInProgramme } from "../programmes/repository.js";
import { placesTaken } from "../relationships/live-pairs.js";
import { relationships } from "../relationships/tables.js";
import { currentTaxonomy } from "../skills/taxonomy-cache.js";
import { authorizeCoachingProgramme } from "./policies.js";
import { type Credential, coachingShortlistEntries, coachingShortlists, coachProfiles } from "./tables.js";

type ProfileRow = typeof coachProfiles.$inferSelect;
type CoachRow = {
  enrolmentId: string;
  userId: string;
  name: string;
  email: string;
  answers: Answers;
  capacity: number | null;
  paused: boolean;
};

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
const str = (v: unknown) => (typeof v === "string" ? v : "");

/**
 * The profile before anyone saves one reads from the coach's intake answers, so a coach
 * approved this morning can be shortlisted this afternoon; saving it makes it its own.
 * Credentials given in the intake as lines ("ICF, PCC, 2019") become entries.
 */
export function profileFromIntake(answers: Answers) {
  const credentials: Credential[] = str(answers.credentials)
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, 10)
    .map((line) => {
      const year = line.match(/\b(19[5-9]\d|20\d\d)\b/)?.[0];
      const [body, level = ""] = line
        .replace(/\b(19[5-9]\d|20\d\d)\b/, "")
        .split(",")
        .map((p) => p.trim())
        .filter(Boolean);
      return { body: (body ?? line).slice(0, 120), level: level.slice(0, 120), year: year ? Number(year) : null };
    });
  const skills = Array.isArray(answers.skills) ? (answers.skills as SkillAnswer[]) : [];
  return {
    credentials,
    specialisms: skills.map((s) => s.name).filter((n) => typeof n === "string"),
    approach: str(answers.approach),
    languages: strings(answers.languages),
    timeZones: typeof answers.timezone === "string" && answers.timezone ? [answers.timezone] : [],
    bio: str(answers.bio),
  };
}

export type EffectiveProfile = ReturnType<typeof profileFromIntake>;

export const effectiveProfile = (row: ProfileRow | undefined, answers: Answers): EffectiveProfile =>
  row
    ? {
        credentials: row.credentials,
        specialisms: row.specialisms,
        approach: row.approach,
        languages: row.languages,
        timeZones: row.timeZones,
        bio: row.bio,
      }
    : profileFromIntake(answers);

export function presentCoachProfile(c: CoachRow, row: ProfileRow | undefined, live: number): z.infer<typeof CoachProfile> {
  const p = effectiveProfile(row, c.answers);
  return {
    enrolmentId: c.enrolmentId,
    name: c.name,
    yearsCoaching: typeof c.answers.years_experience === "number" ? c.answers.years_experience : null,
    ...p,
    capacity: c.capacity ?? 0,
    engagements: live,
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/** Approved coaches of a programme (or the given ones) with their saved profiles. */
export async function coachesOf(db: Executor, programmeId: string, ids?: string[]) {
  const rows = await db
    .select({
      enrolmentId: enrolments.id,
      userId: enrolments.userId,
      name: users.name,
      email: users.email,
      answers: enrolments.answers,
      capacity: enrolments.capacity,
      paused: enrolments.paused,
      profile: coachProfiles,
    })
    .from(enrolments)
    .innerJoin(users, eq(users.id, enrolments.userId))
    .leftJoin(coachProfiles, eq(coachProfiles.enrolmentId, enrolments.id))
    .where(
      and(
        eq(enrolments.programmeId, programmeId),
        eq(enrolments.role, "coach"),
        eq(enrolments.status, "approved"),
        ids ? inArray(enrolments.id, ids.length ? ids : ["00000000-0000-0000-0000-000000000000"]) : undefined,
      ),
    )
    .orderBy(users.name);
  return rows.map((r) => ({ coach: r as CoachRow, profile: r.profile ?? undefined }));
}

/** The coordinator's list of coaches: profile, load and pause, alphabetical. */
export async function listCoaches(db: Db, principal: Principal, programmeId: string) {
  const { programme } = await loadProgrammeFor(db, principal, programmeId, "manage");
  authorizeCoachingProgramme(programme);
  const [coaches, held] = await Promise.all([coachesOf(db, programme.id), placesTaken(db, programme.id)]);
  return {
    items: coaches.map(({ coach, profile }) => ({
      ...presentCoachProfile(coach, profile, held.get(coach.enrolmentId) ?? 0),
      email: coach.email,
      paused: coach.paused,
    })),
  };
}

/**
 * Who may see a coach's profile: the programme's coordinators, the coach, and a coachee
 * the coach is offered to (a live shortlist) or works with. Anyone else: 404.
 */
async function mayViewProfile(db: Executor, principal: Principal, programmeId: string, coach: CoachRow) {
  if (principal.user.id === coach.userId) return "coach" as const;
  const roles = await rolesInProgramme(db, programmeId, principal.user.id);
  if (canManageProgramme({ isAdmin: principal.user.isAdmin, roles })) return "coordinator" as const;
  const [offered] = await db
    .select({ id: coachingShortlists.id })
    .from(coachingShortlists)
    .innerJoin(coachingShortlistEntries, eq(coachingShortlistEntries.shortlistId, coachingShortlists.id))
    .innerJoin(enrolments, eq(enrolments.id, coachingShortlists.coacheeEnrolmentId))
    .where(
      and(
        eq(coachingShortlistEntries.coachEnrolmentId, coach.enrolmentId),
        eq(enrolments.userId, principal.user.id),
        ne(coachingShortlists.status, "withdrawn"),
      ),
    )
    .limit(1);
  if (offered) return "coachee" as const;
  const [paired] = await db
    .select({ id: relationships.id })
    .from(relationships)
    .where(and(eq(relationships.mentorEnrolmentId, coach.enrolmentId), eq(relationships.menteeUserId, principal.user.id)))
    .limit(1);
  return paired ? ("coachee" as const) : null;
}

async function loadCoach(db: Executor, principal: Principal, programmeId: string, enrolmentId: string) {
  const programme = await findProgramme(db, programmeId);
  const [found] = programme ? await coachesOf(db, programmeId, [enrolmentId]) : [];
  const viewer = found ? await mayViewProfile(db, principal, programmeId, found.coach) : null;
  if (!programme || !found || !viewer) throw notFound("That coach");
  authorizeCoachingProgramme(programme);
  return { programme, ...found, viewer };
}

export async function readCoachProfile(db: Db, principal: Principal, programmeId: string, enrolmentId: string) {
  const { programme, coach, profile } = await loadCoach(db, principal, programmeId, enrolmentId);
  const held = await placesTaken(db, programme.id, [coach.enrolmentId]);
  return presentCoachProfile(coach, profile, held.get(coach.enrolmentId) ?? 0);
}

/**
 * The coach or a coordinator edits the profile. Specialisms must be skills the taxonomy
 * knows (stored by their canonical names, so matching compares like with like); an
 * unknown one is refused with the nearest known names.
 */
export async function updateCoachProfile(
  db: Db,
  principal: Principal,
  programmeId: string,
  enrolmentId: string,
  input: z.infer<typeof CoachProfileUpdate>,
) {
  const { programme, coach, profile, viewer } = await loadCoach(db, principal, programmeId, enrolmentId);
  if (viewer === "coachee") throw notFound("That coach");
  const { version, capacity, ...fields } = input;
  if ((profile?.version ?? 0) !== version)
    throw conflict("version_conflict", "This profile changed since you opened it. Reload it and make your change again.", {
      currentVersion: profile?.version ?? 0,
    });
  if (fields.specialisms) {
    const taxonomy = await currentTaxonomy(db);
    const issues: { path: (string | number)[]; message: string }[] = [];
    fields.specialisms = fields.specialisms.map((name, i) => {
      const hit = taxonomy.resolve(name);
      if (hit) return hit.skill.name;
      const near = taxonomy.suggest(name, 3).map((s) => s.name);
      issues.push({
        path: ["specialisms", i],
        message: `"${name}" is not in the skills list${near.length ? `; did you mean ${near.join(", ")}?` : "."}`,
      });
      return name;
    });
    if (issues.length) throw badRequest("validation_failed", issues[0].message, { issues });
    fields.specialisms = [...new Set(fields.specialisms)];
  }
  const base = effectiveProfile(profile, coach.answers);
  const next = { ...base, ...fields };
  await db.transaction(async (tx) => {
    if (profile) {
      const [saved] = await tx
        .update(coachProfiles)
        .set({ ...next, version: sql`${coachProfiles.version} + 1`, updatedBy: principal.user.id, updatedAt: new Date() })
        .where(and(eq(coachProfiles.enrolmentId, coach.enrolmentId), eq(coachProfiles.version, version)))
        .returning({ v: coachProfiles.version });
      if (!saved) throw conflict("version_conflict", "This profile changed since you opened it. Reload it and make your change again.");
    } else {
      const created = await tx
        .insert(coachProfiles)
        .values({ enrolmentId: coach.enrolmentId, ...next, updatedBy: principal.user.id })
        .onConflictDoNothing()
        .returning({ v: coachProfiles.version });
      if (created.length === 0)
        throw conflict("version_conflict", "This profile was saved from somewhere else just now. Reload it and make your change again.");
    }
    if (capacity !== undefined)
      await tx.update(enrolments).set({ capacity, updatedAt: new Date() }).where(eq(enrolments.id, coach.enrolmentId));
  });
  return readCoachProfile(db, principal, programme.id, coach.enrolmentId);
}
