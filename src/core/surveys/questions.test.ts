import { describe, expect, it } from "vitest";
import { defaultSurveys } from "./default-surveys.js";
import { checkAnswers, questionsProblems, type SurveyQuestion } from "./questions.js";

const qs: SurveyQuestion[] = [
  { id: "a", type: "nps", prompt: "Recommend?", required: true },
  { id: "b", type: "rating", prompt: "Going?", required: true, pulse: true },
  { id: "c", type: "single_choice", prompt: "Again?", options: ["Yes", "No"], required: false },
  { id: "d", type: "multiple_choice", prompt: "What?", options: ["X", "Y"], required: false },
  { id: "e", type: "short_text", prompt: "Word", required: false },
];

describe("survey questions", () => {
  it("accepts the default surveys as they ship", () => {
    for (const type of ["mentoring", "coaching"] as const) {
      for (const s of defaultSurveys(type)) expect(questionsProblems(s.questions), s.title).toEqual([]);
    }
  });

  it("says what is wrong with a question, pointing at it", () => {
    const issues = questionsProblems([
      { id: "x", type: "single_choice", prompt: " ", options: ["Only one"], required: true },
      { id: "x", type: "nps", prompt: "Fine", required: true, pulse: true },
      { id: "y", type: "rating", prompt: "Fine", required: true, options: ["no"] },
    ]);
    expect(issues).toEqual([
      { path: ["questions", 0, "prompt"], message: "Write the question." },
      { path: ["questions", 0, "options"], message: "Give at least two choices." },
      { path: ["questions", 1, "id"], message: 'Two questions share the id "x".' },
      { path: ["questions", 1, "pulse"], message: "Only a 1–5 rating can be the pulse score." },
      { path: ["questions", 2, "options"], message: "Only choice questions have choices." },
    ]);
    expect(questionsProblems([])).toEqual([{ path: ["questions"], message: "Add at least one question." }]);
  });
});

describe("answers", () => {
  it("keeps valid answers, trims text and leaves blanks out", () => {
    expect(checkAnswers(qs, { a: 0, b: 5, c: "Yes", d: ["X", "X", "Y"], e: "  hi  " })).toEqual({
      answers: { a: 0, b: 5, c: "Yes", d: ["X", "Y"], e: "hi" },
      issues: [],
    });
    expect(checkAnswers(qs, { a: 10, b: 1, e: "   " }).answers).toEqual({ a: 10, b: 1 });
  });

  it("refuses out-of-range scores, unknown choices, missing required answers and unknown questions", () => {
    const { issues } = checkAnswers(qs, { a: 11, c: "Maybe", d: ["Z"], zz: 1 });
    expect(issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["answers.zz", "This question is not in the survey (reload the page)."],
      ["answers.a", "Choose a whole number from 0 to 10."],
      ["answers.b", "This question needs an answer."],
      ["answers.c", "Choose one of the options."],
      ["answers.d", "Choose from the options given."],
    ]);
    expect(checkAnswers(qs, { a: 2.5, b: 0 }).issues.map((i) => i.message)).toEqual([
      "Choose a whole number from 0 to 10.",
      "Choose a whole number from 1 to 5.",
    ]);
  });
});
