import { canCreateProgramme } from "../../../core/permissions.js";
import { rulesFor } from "../../../core/programme-modes.js";
import { defaultTerm, slugify, termProblem } from "../../../core/programme-term.js";
import { defaultPhases, termWeeks } from "../../../core/programmes/phases.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db } from "../../platform/db.js";
import { badRequest, forbidden } from "../../platform/errors.js";
import { addMember, coordinatesAny, insertProgramme, slugsStartingWith } from "./repository.js";
import { seedProgrammeDefaults } from "./seed-defaults.js";

export type ProgrammeInput = {
  name: string;
  type: "mentoring" | "coaching";
  description: string;
  termStart?: string;
  termEnd?: string;
  cadence: "weekly" | "fortnightly" | "monthly";
  sessionMinutes: number;
  matchMode?: "round" | "self";
  acceptance?: "auto" | "two_sided";
  requestLimit?: number;
  requestExpiryDays?: number;
};

export const termError = (message: string) => badRequest("validation_failed", message, { issues: [{ path: ["termEnd"], message }] });

/** Creates a programme; its creator becomes its first coordinator. */
export async function createProgramme(db: Db, principal: Principal, input: ProgrammeInput, today = new Date()) {
  if (!canCreateProgramme({ isAdmin: principal.user.isAdmin, coordinatesAny: await coordinatesAny(db, principal.user.id) })) {
    throw forbidden("Only instance admins and programme coordinators can create programmes.");
  }
  const { termStart, termEnd } = defaultTerm(today, input.termStart, input.termEnd);
  const problem = termProblem(termStart, termEnd);
  if (problem) throw termError(problem);
  if (input.matchMode === "self" && !rulesFor(input.type).pairing.includes("self_match")) {
    const message = `A ${input.type} programme does not use self-match: coachees pick from a shortlist of coaches instead.`;
    throw badRequest("validation_failed", message, { issues: [{ path: ["matchMode"], message }] });
  }
  return db.transaction(async (tx) => {
    const base = slugify(input.name);
    const taken = await slugsStartingWith(tx, base);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    const programme = await insertProgramme(tx, {
      slug,
      name: input.name,
      type: input.type,
      description: input.description,
      termStart,
      termEnd,
      cadence: input.cadence,
      sessionMinutes: input.sessionMinutes,
      matchMode: input.matchMode,
      acceptance: input.acceptance,
      requestLimit: input.requestLimit,
      requestExpiryDays: input.requestExpiryDays,
      // Coaching is structured by the coach's session plan, not by mentoring's phases.
      phases: rulesFor(input.type).features.phases ? defaultPhases(termWeeks(termStart, termEnd)) : [],
      createdBy: principal.user.id,
    });
    await addMember(tx, programme.id, principal.user.id, "coordinator");
    await seedProgrammeDefaults(tx, programme);
    return programme;
  });
}
