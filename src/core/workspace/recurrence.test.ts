import { describe, expect, it } from "vitest";
import { toLocal, toUtc } from "./local-time.js";
import { nextMeetingDate, overlaps, seriesOccurrences, sessionTimesProblem } from "./recurrence.js";

describe("wall-clock times in a zone", () => {
  it("become the right instant on either side of a change", () => {
    expect(toUtc({ date: "2027-10-26", time: "18:00", timeZone: "Europe/London" }).toISOString()).toBe("2027-10-26T17:00:00.000Z");
    expect(toUtc({ date: "2027-11-02", time: "18:00", timeZone: "Europe/London" }).toISOString()).toBe("2027-11-02T18:00:00.000Z");
    expect(toUtc({ date: "2027-01-15", time: "09:30", timeZone: "Asia/Kolkata" }).toISOString()).toBe("2027-01-15T04:00:00.000Z");
  });

  it("take the first of a time that happens twice and skip past a time that never happens", () => {
    // London falls back at 02:00 BST on 31 October 2027: 01:30 happens at 00:30Z and 01:30Z.
    expect(toUtc({ date: "2027-10-31", time: "01:30", timeZone: "Europe/London" }).toISOString()).toBe("2027-10-31T00:30:00.000Z");
    // London springs forward at 01:00 GMT on 28 March 2027: 01:30 does not exist; it becomes 02:30 BST.
    const gap = toUtc({ date: "2027-03-28", time: "01:30", timeZone: "Europe/London" });
    expect(gap.toISOString()).toBe("2027-03-28T01:30:00.000Z");
    expect(toLocal(gap, "Europe/London").time).toBe("02:30");
  });

  it("read back as the same wall clock", () => {
    for (const timeZone of ["Europe/London", "America/New_York", "Australia/Sydney", "Asia/Kathmandu", "UTC"]) {
      for (const date of ["2027-01-10", "2027-03-14", "2027-07-01", "2027-11-07"]) {
        const at = toUtc({ date, time: "18:45", timeZone });
        expect(toLocal(at, timeZone)).toMatchObject({ date, time: "18:45" });
      }
    }
  });
});

describe("a series", () => {
  it("keeps 18:00 in London across the last Sunday of October", () => {
    const series = seriesOccurrences({ date: "2027-10-19", startTime: "18:00", endTime: "19:00", timeZone: "Europe/London" }, "weekly", 3);
    expect(series.map((o) => o.startsAt.toISOString())).toEqual([
      "2027-10-19T17:00:00.000Z",
      "2027-10-26T17:00:00.000Z",
      "2027-11-02T18:00:00.000Z",
    ]);
    expect(series.map((o) => toLocal(o.startsAt, "Europe/London").time)).toEqual(["18:00", "18:00", "18:00"]);
    expect(series.map((o) => o.endsAt.getTime() - o.startsAt.getTime())).toEqual([3_600_000, 3_600_000, 3_600_000]);
  });

  it("keeps 09:00 in New York across early November, fortnightly", () => {
    const series = seriesOccurrences(
      { date: "2027-10-24", startTime: "09:00", endTime: "09:45", timeZone: "America/New_York" },
      "fortnightly",
      2,
    );
    expect(series.map((o) => o.date)).toEqual(["2027-10-24", "2027-11-07"]);
    // EDT (-4) before 7 November, EST (-5) from then on.
    expect(series.map((o) => o.startsAt.toISOString())).toEqual(["2027-10-24T13:00:00.000Z", "2027-11-07T14:00:00.000Z"]);
  });

  it("is one session without a frequency", () => {
    expect(seriesOccurrences({ date: "2027-05-03", startTime: "10:00", endTime: "11:00", timeZone: "UTC" }, null, 9)).toHaveLength(1);
  });
});

describe("session times", () => {
  it("must end after they start and last at most eight hours", () => {
    expect(sessionTimesProblem({ startTime: "18:00", endTime: "17:00" })?.code).toBe("ends_before_start");
    expect(sessionTimesProblem({ startTime: "18:00", endTime: "18:00" })?.code).toBe("ends_before_start");
    expect(sessionTimesProblem({ startTime: "08:00", endTime: "17:00" })?.message).toMatch(/at most 8 hours/);
    expect(sessionTimesProblem({ startTime: "18:00", endTime: "19:00" })).toBeNull();
  });

  it("overlap only when they share a moment", () => {
    const at = (a: string, b: string) => ({ startsAt: new Date(a), endsAt: new Date(b) });
    expect(overlaps(at("2027-01-01T10:00Z", "2027-01-01T11:00Z"), at("2027-01-01T10:30Z", "2027-01-01T11:30Z"))).toBe(true);
    expect(overlaps(at("2027-01-01T10:00Z", "2027-01-01T11:00Z"), at("2027-01-01T11:00Z", "2027-01-01T12:00Z"))).toBe(false);
  });
});

describe("the next meeting day from the plan", () => {
  it("is later this week, or next week once this week's time has passed", () => {
    // Wednesday 3 March 2027, 12:00 UTC.
    const now = new Date("2027-03-03T12:00:00Z");
    expect(nextMeetingDate(now, 3, "18:00", "Europe/London")).toBe("2027-03-04"); // Thursday
    expect(nextMeetingDate(now, 2, "18:00", "Europe/London")).toBe("2027-03-03"); // today, still ahead
    expect(nextMeetingDate(now, 2, "11:00", "Europe/London")).toBe("2027-03-10"); // today, passed
    expect(nextMeetingDate(now, 1, "09:00", "Pacific/Auckland")).toBe("2027-03-09"); // already Thursday there
  });
});
