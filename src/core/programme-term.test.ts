import { describe, expect, it } from "vitest";
import { defaultTerm, nextMonday, slugify, termEndFor, termProblem } from "./programme-term.js";

describe("programme term", () => {
  it("starts on the next Monday, even when today is a Monday", () => {
    expect(nextMonday(new Date("2026-11-26T12:00:00Z"))).toBe("2026-11-30"); // Thursday
    expect(nextMonday(new Date("2026-11-30T08:00:00Z"))).toBe("2026-12-07"); // Monday
    expect(nextMonday(new Date("2026-11-29T23:00:00Z"))).toBe("2026-11-30"); // Sunday
  });

  it("lasts twelve weeks by default, ending on the Sunday of week 12", () => {
    expect(termEndFor("2026-11-30")).toBe("2027-02-21");
    expect(defaultTerm(new Date("2026-11-26T00:00:00Z"))).toEqual({ termStart: "2026-11-30", termEnd: "2027-02-21" });
  });

  it("keeps a start or end the coordinator chose", () => {
    expect(defaultTerm(new Date("2026-11-26T00:00:00Z"), "2027-01-04")).toEqual({ termStart: "2027-01-04", termEnd: "2027-03-28" });
    expect(defaultTerm(new Date(), "2027-01-04", "2027-06-30").termEnd).toBe("2027-06-30");
  });

  it("refuses a term that ends before it starts or runs for more than five years", () => {
    expect(termProblem("2027-01-04", "2027-01-03")).toMatch(/end on or after/);
    expect(termProblem("2027-01-04", "2027-01-04")).toBeNull();
    expect(termProblem("2027-01-04", "2033-01-04")).toMatch(/five years/);
  });

  it("makes readable slugs", () => {
    expect(slugify("Backend Guild 2027!")).toBe("backend-guild-2027");
    expect(slugify("Développeuses  & co")).toBe("developpeuses-co");
    expect(slugify("!!!")).toBe("programme");
  });
});
