import { describe, expect, it } from "vitest";
import { dailySlotDue, dueProgrammeWeek, weeklySlotDue, zoneOrUtc } from "./local-schedule.js";

// A 12-week term from Monday 2027-03-01; Europe's clocks go forward on Sunday 2027-03-28 and
// America's on Sunday 2027-03-14, so week 4 starts under a different offset in each.
const term = { termStart: "2027-03-01", termEnd: "2027-05-23" };

describe("the start of a programme week, at 08:00 in each person's own time zone", () => {
  it("comes at 08:00 local: 07:00 UTC in Berlin in winter, 13:00 UTC in New York", () => {
    expect(dueProgrammeWeek(term, "Europe/Berlin", new Date("2027-03-08T06:59:00Z"))).toBeNull();
    expect(dueProgrammeWeek(term, "Europe/Berlin", new Date("2027-03-08T07:00:00Z"))).toMatchObject({ week: 2, startsOn: "2027-03-08" });
    expect(dueProgrammeWeek(term, "America/New_York", new Date("2027-03-08T12:59:00Z"))).toBeNull();
    expect(dueProgrammeWeek(term, "America/New_York", new Date("2027-03-08T13:00:00Z"))?.week).toBe(2);
  });

  it("stays at 08:00 local across daylight-saving changes", () => {
    // After New York moved to summer time (14 March), 08:00 is 12:00 UTC.
    expect(dueProgrammeWeek(term, "America/New_York", new Date("2027-03-15T11:59:00Z"))).toBeNull();
    expect(dueProgrammeWeek(term, "America/New_York", new Date("2027-03-15T12:00:00Z"))?.sendAt.toISOString()).toBe(
      "2027-03-15T12:00:00.000Z",
    );
    // Berlin changes on 28 March: week 5 (29 March) starts at 06:00 UTC, week 4 (22 March) still at 07:00.
    expect(dueProgrammeWeek(term, "Europe/Berlin", new Date("2027-03-22T07:00:00Z"))?.sendAt.toISOString()).toBe(
      "2027-03-22T07:00:00.000Z",
    );
    expect(dueProgrammeWeek(term, "Europe/Berlin", new Date("2027-03-29T06:00:00Z"))).toMatchObject({ week: 5, startsOn: "2027-03-29" });
    // At 07:59 local on week 5's first day nothing is due: week 4's mail went out a week ago.
    expect(dueProgrammeWeek(term, "Europe/Berlin", new Date("2027-03-29T05:59:00Z"))).toBeNull();
  });

  it("follows the person's own date: Auckland starts week 2 while London is still in week 1", () => {
    // 2027-03-07 19:00 UTC is Monday 08:00 in Auckland (UTC+13) and Sunday evening in London.
    expect(dueProgrammeWeek(term, "Pacific/Auckland", new Date("2027-03-07T19:00:00Z"))?.week).toBe(2);
    expect(dueProgrammeWeek(term, "Europe/London", new Date("2027-03-07T19:00:00Z"))?.week).toBe(1);
  });

  it("is nothing before the term and after its last day", () => {
    expect(dueProgrammeWeek(term, "Europe/London", new Date("2027-02-28T12:00:00Z"))).toBeNull();
    expect(dueProgrammeWeek(term, "Europe/London", new Date("2027-05-24T09:00:00Z"))).toBeNull();
    expect(dueProgrammeWeek(term, "Europe/London", new Date("2027-05-23T20:00:00Z"))?.week).toBe(12);
  });

  it("falls back to UTC for a missing or unknown zone", () => {
    expect(zoneOrUtc(null)).toBe("UTC");
    expect(zoneOrUtc("Mars/Olympus")).toBe("UTC");
    expect(dueProgrammeWeek(term, "Mars/Olympus", new Date("2027-03-08T08:00:00Z"))?.week).toBe(2);
  });
});

describe("daily and weekly moments in local time", () => {
  it("a daily moment is today's local date once the local clock passes it", () => {
    expect(dailySlotDue(new Date("2027-06-01T06:59:00Z"), "Europe/Berlin", "09:00")).toBeNull();
    expect(dailySlotDue(new Date("2027-06-01T07:00:00Z"), "Europe/Berlin", "09:00")).toBe("2027-06-01");
  });

  it("a weekly moment is due from its time on its weekday to the end of the local week", () => {
    // Thursday 15:00 in Lisbon (UTC+1 in summer).
    expect(weeklySlotDue(new Date("2027-06-03T13:59:00Z"), "Europe/Lisbon", 3, "15:00")).toBeNull();
    expect(weeklySlotDue(new Date("2027-06-03T14:00:00Z"), "Europe/Lisbon", 3, "15:00")).toBe("2027-06-03");
    expect(weeklySlotDue(new Date("2027-06-06T22:00:00Z"), "Europe/Lisbon", 3, "15:00")).toBe("2027-06-03");
    expect(weeklySlotDue(new Date("2027-06-07T00:30:00Z"), "Europe/Lisbon", 3, "15:00")).toBeNull(); // Monday in Lisbon
  });
});
