import { describe, expect, it } from "vitest";
import { answerToCell, cellToRawAnswer } from "./csv-cells.js";
import { defaultQuestions, type FormDefinition, type Question } from "./questions.js";
import { validateAnswers } from "./validate-answers.js";
import { validateFormQuestions } from "./validate-form.js";

const menteeForm: FormDefinition = { role: "mentee", version: 1, questions: defaultQuestions("mentee") };
const mentorForm: FormDefinition = { role: "mentor", version: 1, questions: defaultQuestions("mentor") };

const goodMentee = {
  years_experience: 2,
  skills: [{ name: "TypeScript", level: 4 }],
  seeks: ["career development"],
  timezone: "Europe/Berlin",
  languages: ["English", "German"],
};

describe("default forms", () => {
  it("ask mentors for a capacity and mentees what they seek", () => {
    expect(mentorForm.questions.map((q) => q.key)).toContain("capacity");
    expect(mentorForm.questions.map((q) => q.key)).toContain("offers");
    expect(menteeForm.questions.map((q) => q.key)).not.toContain("capacity");
    expect(menteeForm.questions.map((q) => q.key)).toContain("seeks");
    expect(validateFormQuestions("mentor", mentorForm.questions)).toEqual([]);
  });
});

describe("answers", () => {
  it("accepts a complete mentee and normalises case and duplicates", () => {
    const { answers, problems } = validateAnswers(menteeForm, {
      ...goodMentee,
      seeks: ["Career Development", "career development"],
      skills: [
        { name: "React", level: 2 },
        { name: "react", level: 4 },
      ],
      manager_email: " Boss@Example.ORG ",
    });
    expect(problems).toEqual([]);
    expect(answers.seeks).toEqual(["career development"]);
    expect(answers.skills).toEqual([{ name: "React", level: 4 }]);
    expect(answers.manager_email).toBe("boss@example.org");
  });

  it("names every problem by question key", () => {
    const { problems } = validateAnswers(menteeForm, {
      years_experience: -1,
      skills: [{ name: "Go", level: 9 }],
      seeks: ["cooking"],
      timezone: "Mars/Olympus",
      availability: [{ day: "mon", start: "19:00", end: "18:00" }],
      favourite_colour: "green",
    });
    const byKey = Object.fromEntries(problems.map((p) => [p.key, p.message]));
    expect(byKey.years_experience).toMatch(/from 0 to 60/);
    expect(byKey.skills).toMatch(/level of Go/);
    expect(byKey.seeks).toMatch(/"cooking" is not one of/);
    expect(byKey.timezone).toMatch(/time zone/);
    expect(byKey.availability).toMatch(/end after it starts/);
    expect(byKey.languages).toMatch(/needs an answer/);
    expect(byKey.favourite_colour).toMatch(/no such question/);
  });
});

describe("form edits", () => {
  const custom = (over: Partial<Question>): Question => ({
    key: "pet",
    label: "Pet?",
    kind: "single_choice",
    required: false,
    choices: ["cat", "dog"],
    ...over,
  });

  it("refuses removing or retyping a built-in question, bad keys and thin choices", () => {
    const withoutTimezone = menteeForm.questions.filter((q) => q.key !== "timezone");
    expect(validateFormQuestions("mentee", withoutTimezone).map((p) => p.message)).toEqual([
      expect.stringMatching(/"timezone" cannot be removed/),
    ]);
    const retyped = menteeForm.questions.map((q) => (q.key === "languages" ? { ...q, kind: "short_text" as const } : q));
    expect(validateFormQuestions("mentee", retyped)[0].message).toMatch(/kind stays tags/);
    const problems = validateFormQuestions("mentee", [
      ...menteeForm.questions,
      custom({ key: "Bad Key" }),
      custom({ key: "pet2", choices: ["only one"] }),
      custom({ key: "pet3", kind: "number" }),
      custom({ key: "timezone", kind: "short_text" }),
    ]);
    expect(problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/lower-case letters/),
        expect.stringMatching(/at least two choices/),
        expect.stringMatching(/Custom questions can be/),
        expect.stringMatching(/used twice/),
      ]),
    );
  });
});

describe("CSV cells", () => {
  const q = (key: string) => mentorForm.questions.find((x) => x.key === key) as Question;

  it("reads lists, skills with levels and availability windows", () => {
    expect(cellToRawAnswer(q("languages"), "English; Portuguese ;")).toEqual(["English", "Portuguese"]);
    expect(cellToRawAnswer(q("skills"), "TypeScript:5;Kubernetes")).toEqual([
      { name: "TypeScript", level: 5 },
      { name: "Kubernetes", level: 3 },
    ]);
    expect(cellToRawAnswer(q("availability"), "mon 9:00-10:30;thu 18:00 - 19:00")).toEqual([
      { day: "mon", start: "09:00", end: "10:30" },
      { day: "thu", start: "18:00", end: "19:00" },
    ]);
    expect(cellToRawAnswer(q("capacity"), "  ")).toBeUndefined();
  });

  it("writes back what it reads", () => {
    for (const [key, cell] of [
      ["skills", "Go:4;Rust:2"],
      ["availability", "tue 08:00-09:00"],
      ["languages", "English;Spanish"],
    ]) {
      const question = q(key);
      const { answers } = validateAnswers({ ...mentorForm, questions: [question] }, { [key]: cellToRawAnswer(question, cell) });
      expect(answerToCell(answers[key])).toBe(cell);
    }
  });
});
