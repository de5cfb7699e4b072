import { describe, expect, it } from "vitest";
import { changedGoalFields, type GoalContent } from "./goals.js";
import { findVaguePhrase, type SmartCheckInput, smartCheck } from "./smart-check.js";

const today = "2026-03-02";
const good: SmartCheckInput = {
  title: "Give a talk on our tracing setup at the March guild meetup",
  goal: "Present how we trace requests across services to about 40 engineers.",
  reality: "I have written the setup down but never spoken to more than five people.",
  will: "Draft the outline and book a dry run with my team by Friday.",
  targetDate: "2026-03-26",
  measure: "The talk is given and three people ask to adopt the setup.",
  status: "in_progress",
};
const codes = (g: Partial<SmartCheckInput>, otherOpenGoals = 0) =>
  smartCheck({ ...good, ...g }, { today, otherOpenGoals }).map((h) => h.code);

describe("the SMART check", () => {
  it("has nothing to say about a specific, measured, dated goal with a first step", () => {
    expect(codes({})).toEqual([]);
  });

  it("asks for a measure of success and a target date when they are missing", () => {
    const hints = smartCheck({ ...good, measure: " ", targetDate: null }, { today, otherOpenGoals: 0 });
    expect(hints.map((h) => [h.code, h.field])).toEqual([
      ["no_measure", "measure"],
      ["no_date", "targetDate"],
    ]);
    expect(hints[0].message).toMatch(/measure of success/);
  });

  it("quotes vague wording in the title or the goal", () => {
    const [hint] = smartCheck({ ...good, title: "Get better at system design!" }, { today, otherOpenGoals: 0 });
    expect(hint).toMatchObject({ code: "vague_wording", field: "title" });
    expect(hint.message).toContain('"get better at"');
    expect(codes({ goal: "I want to work on my confidence in reviews" })).toEqual(["vague_wording"]);
    // Whole words only: "networking on" is not "work on".
    expect(codes({ goal: "Networking on Tuesdays with the platform team, four times." })).toEqual([]);
  });

  it("flags a measure nobody could check", () => {
    expect(codes({ measure: "Feel good" })).toEqual(["vague_measure"]);
    expect(codes({ measure: "Be more confident in meetings" })).toEqual(["vague_measure"]);
    expect(codes({ measure: "5 merged pull requests" })).toEqual([]);
  });

  it("notices a target date that has passed or is more than a year off", () => {
    expect(codes({ targetDate: "2026-03-01" })).toEqual(["date_passed"]);
    expect(codes({ targetDate: "2026-03-02" })).toEqual([]);
    expect(codes({ targetDate: "2027-06-01" })).toEqual(["date_far"]);
  });

  it("asks for a starting point and a first step under Will", () => {
    expect(codes({ reality: "", will: "Start" })).toEqual(["no_reality", "no_first_step"]);
  });

  it("says when too many goals are open at once, counting this one", () => {
    expect(codes({}, 2)).toEqual([]);
    const [hint] = smartCheck(good, { today, otherOpenGoals: 3 });
    expect(hint).toMatchObject({ code: "too_many_goals", field: null });
    expect(hint.message).toContain("4 goals");
  });

  it("stays quiet about achieved and dropped goals", () => {
    expect(codes({ status: "achieved", measure: "", targetDate: null }, 9)).toEqual([]);
    expect(codes({ status: "dropped", title: "get better at things" })).toEqual([]);
  });

  it("finds vague phrases through punctuation and case", () => {
    expect(findVaguePhrase("LEVEL UP, somehow.")).toBe("level up");
    expect(findVaguePhrase("Ship the migration tool")).toBeNull();
  });
});

describe("goal history", () => {
  const before: GoalContent = { ...good, options: "", progress: 10 };
  it("records only the fields whose value really changed", () => {
    expect(changedGoalFields(before, { title: before.title, progress: 40, status: "in_progress", targetDate: null })).toEqual([
      "targetDate",
      "progress",
    ]);
    expect(changedGoalFields(before, {})).toEqual([]);
  });
});
