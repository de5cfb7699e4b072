import { describe, expect, it } from "vitest";
import { type ExistingParticipant, planImport } from "./plan-import.js";
import { defaultQuestions, type FormDefinition } from "./questions.js";

const forms: Record<"mentor" | "mentee", FormDefinition> = {
  mentor: { role: "mentor", version: 1, questions: defaultQuestions("mentor") },
  mentee: { role: "mentee", version: 1, questions: defaultQuestions("mentee") },
};
const header = ["email", "name", "role", "years_experience", "skills", "offers", "seeks", "timezone", "languages", "capacity"];
const mentor = ["m@example.org", "Mo Mentor", "mentor", "12", "Go:5;Kubernetes:4", "technical skills", "", "Europe/Lisbon", "English", "2"];
const mentee = [
  "e@example.org",
  "Eve Mentee",
  "mentee",
  "1",
  "Go:3",
  "",
  "technical skills;career development",
  "Africa/Lagos",
  "English",
  "",
];

describe("planning a participants import", () => {
  it("plans creates for new people and nothing for an identical second import", () => {
    const first = planImport(header, [mentor, mentee], forms, new Map());
    expect(first.errors).toEqual([]);
    expect(first.planned.map((p) => [p.row, p.email, p.action])).toEqual([
      [2, "m@example.org", "create"],
      [3, "e@example.org", "create"],
    ]);
    const existing = new Map<string, ExistingParticipant>(
      first.planned.map((p) => [p.email, { name: p.name, role: p.role, answers: p.answers }]),
    );
    const second = planImport(header, [mentor, mentee], forms, existing);
    expect(second.planned.map((p) => p.action)).toEqual(["unchanged", "unchanged"]);
    const changed = planImport(header, [mentor, [...mentee.slice(0, 3), "2", ...mentee.slice(4)]], forms, existing);
    expect(changed.planned.map((p) => p.action)).toEqual(["unchanged", "update"]);
  });

  it("reports every problem with row, column and message, and plans nothing", () => {
    const rows = [
      mentor,
      ["not-an-email", "X", "mentee", "1", "Go", "", "technical skills", "UTC", "English", ""],
      ["m@example.org", "Dup", "mentor", "3", "Go", "technical skills", "", "UTC", "English", "1"],
      ["z@example.org", "Zed", "pilot", "1", "", "", "", "", "", ""],
      ["y@example.org", "Why", "mentee", "1", "Go", "", "cooking", "UTC", "", ""],
      ["w@example.org", "Dub", "mentee", "1", "Go", "", "technical skills", "UTC", "English", "3"],
    ];
    const plan = planImport(header, rows, forms, new Map());
    expect(plan.planned).toEqual([]);
    expect(plan.errors).toEqual([
      { row: 3, column: "email", message: '"not-an-email" is not a valid email address' },
      { row: 4, column: "email", message: "m@example.org already appears on row 2" },
      { row: 5, column: "role", message: '"pilot" is not a role here; use mentor or mentee' },
      { row: 6, column: "seeks", message: expect.stringMatching(/"cooking" is not one of/) },
      { row: 6, column: "languages", message: "This question needs an answer" },
      { row: 7, column: "capacity", message: expect.stringMatching(/mentee form has no question "capacity"/) },
    ]);
  });

  it("refuses unknown or missing columns before looking at rows", () => {
    const plan = planImport(["email", "name", "favourite_food"], [["a@b.org", "A", "x"]], forms, new Map());
    expect(plan.errors).toEqual([
      { row: 1, column: "role", message: 'The header has no "role" column' },
      { row: 1, column: "favourite_food", message: expect.stringMatching(/No question has the key/) },
    ]);
  });

  it("keeps answers the file has no column for", () => {
    const existing = new Map<string, ExistingParticipant>([
      [
        "e@example.org",
        {
          name: "Eve Mentee",
          role: "mentee",
          answers: {
            years_experience: 1,
            skills: [{ name: "Go", level: 3 }],
            seeks: ["technical skills"],
            timezone: "UTC",
            languages: ["English"],
            interests: ["climbing"],
          },
        },
      ],
    ]);
    const plan = planImport(
      ["email", "name", "role", "timezone"],
      [["e@example.org", "Eve Mentee", "mentee", "Africa/Lagos"]],
      forms,
      existing,
    );
    expect(plan.errors).toEqual([]);
    expect(plan.planned[0]).toMatchObject({ action: "update", answers: { interests: ["climbing"], timezone: "Africa/Lagos" } });
  });
});
