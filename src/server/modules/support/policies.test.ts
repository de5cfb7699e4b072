import { describe, expect, it } from "vitest";
import { canBeAssigned, canWorkQueue } from "../alerts/policies.js";
import { canContactPairs, canLogCheckIns, canReadCheckInNotes } from "../check-ins/policies.js";
import { canManageSurveys, canReadResults, mayAnswerInvitation } from "../surveys/policies.js";
import type { ProgrammeActor } from "./access.js";

const actor = (roles: ProgrammeActor["roles"], isAdmin = false): ProgrammeActor => ({ userId: "u", isAdmin, roles });
const coordinator = actor(["coordinator"]);
const admin = actor([], true);
const mentee = actor(["mentee"]);
const mentorAndCoordinator = actor(["mentor", "coordinator"]);

describe("support policies", () => {
  it("coordinators and instance admins run the support loop; participants do not", () => {
    for (const can of [canManageSurveys, canReadResults, canLogCheckIns, canContactPairs, canWorkQueue]) {
      expect(can(coordinator)).toBe(true);
      expect(can(admin)).toBe(true);
      expect(can(mentorAndCoordinator)).toBe(true);
      expect(can(mentee)).toBe(false);
      expect(can(actor(["mentor"]))).toBe(false);
    }
  });

  it("check-in notes are for the programme's own coordinators, not an instance admin outside it", () => {
    expect(canReadCheckInNotes(coordinator)).toBe(true);
    expect(canReadCheckInNotes(admin)).toBe(false);
    expect(canReadCheckInNotes(mentee)).toBe(false);
  });

  it("alerts go to coordinators only", () => {
    expect(canBeAssigned(["coordinator"])).toBe(true);
    expect(canBeAssigned(["mentee", "mentor"])).toBe(false);
  });

  it("a survey link answers for its own person, or for anyone not signed in", () => {
    expect(mayAnswerInvitation({ userId: "a" }, null)).toBe(true);
    expect(mayAnswerInvitation({ userId: "a" }, "a")).toBe(true);
    expect(mayAnswerInvitation({ userId: "a" }, "b")).toBe(false);
  });
});
