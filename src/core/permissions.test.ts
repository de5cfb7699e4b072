import { describe, expect, it } from "vitest";
import { canCreateProgramme, canManageProgramme, canViewProgramme, primaryRole } from "./permissions.js";

describe("programme permissions", () => {
  it("lets members view but only coordinators and admins manage", () => {
    expect(canViewProgramme({ isAdmin: false, roles: ["mentee"] })).toBe(true);
    expect(canViewProgramme({ isAdmin: false, roles: [] })).toBe(false);
    expect(canViewProgramme({ isAdmin: true, roles: [] })).toBe(true);
    for (const role of ["mentor", "mentee", "coach", "coachee"] as const) {
      expect(canManageProgramme({ isAdmin: false, roles: [role] })).toBe(false);
    }
    expect(canManageProgramme({ isAdmin: false, roles: ["mentor", "coordinator"] })).toBe(true);
    expect(canManageProgramme({ isAdmin: true, roles: [] })).toBe(true);
  });

  it("lets admins and existing coordinators create programmes", () => {
    expect(canCreateProgramme({ isAdmin: false, coordinatesAny: false })).toBe(false);
    expect(canCreateProgramme({ isAdmin: false, coordinatesAny: true })).toBe(true);
    expect(canCreateProgramme({ isAdmin: true, coordinatesAny: false })).toBe(true);
  });

  it("shows the widest role as the person's role", () => {
    expect(primaryRole(["mentee", "coordinator"])).toBe("coordinator");
    expect(primaryRole(["mentee"])).toBe("mentee");
    expect(primaryRole([])).toBeNull();
  });
});
