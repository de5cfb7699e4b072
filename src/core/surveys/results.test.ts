import { describe, expect, it } from "vitest";
import { ANONYMITY_THRESHOLD, mayShowGroup } from "./anonymity.js";
import type { SurveyQuestion } from "./questions.js";
import { summariseSurvey } from "./results.js";

const questions: SurveyQuestion[] = [
  { id: "going", type: "rating", prompt: "How is it going?", required: true, pulse: true },
  { id: "recommend", type: "nps", prompt: "Recommend?", required: true },
  { id: "agree", type: "agreement", prompt: "We meet often enough.", required: false },
  { id: "pick", type: "multiple_choice", prompt: "What helped?", options: ["Sessions", "Resources", "Goals"], required: false },
  { id: "words", type: "long_text", prompt: "Anything else?", required: false },
];

const r = (going: number, week: number, more: Record<string, unknown> = {}) => ({ answers: { going, recommend: 9, ...more }, week });

describe("the anonymity threshold", () => {
  it("hides groups under five in anonymous surveys only", () => {
    expect(ANONYMITY_THRESHOLD).toBe(5);
    expect(mayShowGroup(true, 4)).toBe(false);
    expect(mayShowGroup(true, 5)).toBe(true);
    expect(mayShowGroup(false, 1)).toBe(true);
  });

  it("shows nothing of an anonymous survey with four responses — not even a distribution", () => {
    const four = [r(1, 2), r(2, 2), r(5, 2), r(4, 2)];
    expect(summariseSurvey(questions, four, true)).toEqual({ responses: 4, suppressed: true, questions: [], pulseTrend: [] });
    const five = summariseSurvey(questions, [...four, r(3, 2)], true);
    expect(five.suppressed).toBe(false);
    expect(five.questions[0].distribution.map((b) => b.count)).toEqual([1, 1, 1, 1, 1]);
  });

  it("drops pulse weeks under the threshold from an anonymous trend, keeps them in an attributed one", () => {
    const rows = [...[1, 2, 3, 4, 5].map((s) => r(s, 2)), r(4, 4), r(5, 4)];
    expect(summariseSurvey(questions, rows, true).pulseTrend).toEqual([{ week: 2, n: 5, average: 3 }]);
    expect(summariseSurvey(questions, rows, false).pulseTrend).toEqual([
      { week: 2, n: 5, average: 3 },
      { week: 4, n: 2, average: 4.5 },
    ]);
  });
});

describe("survey results", () => {
  const rows = [
    r(2, 2, { recommend: 3, agree: 4, pick: ["Sessions", "Goals"], words: "More time" }),
    r(4, 2, { recommend: 10, pick: ["Sessions"] }),
    r(5, 4, { recommend: 8, agree: 5, words: "Great" }),
  ];
  const s = summariseSurvey(questions, rows, false);

  it("counts every score of a rating, with its average and n", () => {
    expect(s.questions[0]).toMatchObject({ n: 3, average: 3.7 });
    expect(s.questions[0].distribution.map((b) => [b.value, b.count])).toEqual([
      ["1", 0],
      ["2", 1],
      ["3", 0],
      ["4", 1],
      ["5", 1],
    ]);
  });

  it("gives the recommend question its NPS and all eleven scores", () => {
    expect(s.questions[1].distribution).toHaveLength(11);
    expect(s.questions[1].nps).toEqual({ n: 3, promoters: 1, passives: 1, detractors: 1, score: 0 });
  });

  it("labels the agreement scale and counts only those who answered an optional question", () => {
    expect(s.questions[2].n).toBe(2);
    expect(s.questions[2].distribution.map((b) => b.label)).toEqual([
      "Strongly disagree",
      "Disagree",
      "Neither agree nor disagree",
      "Agree",
      "Strongly agree",
    ]);
  });

  it("counts each choice of a multiple-choice question", () => {
    expect(s.questions[3].distribution.map((b) => [b.label, b.count])).toEqual([
      ["Sessions", 2],
      ["Resources", 0],
      ["Goals", 1],
    ]);
  });

  it("lists free text with the response it came from", () => {
    expect(s.questions[4].textAnswers).toEqual([
      { index: 0, text: "More time" },
      { index: 2, text: "Great" },
    ]);
  });

  it("handles a survey nobody answered yet", () => {
    const empty = summariseSurvey(questions, [], false);
    expect(empty.responses).toBe(0);
    expect(empty.questions[0]).toMatchObject({ n: 0, average: null });
    expect(empty.questions[1].nps?.score).toBeNull();
  });
});
