import { z } from "zod";

export const IntakeRole = z.enum(["mentor", "mentee", "coach", "coachee", "sponsor"]);
export const QuestionKind = z.enum([
  "short_text",
  "long_text",
  "single_choice",
  "multi_choice",
  "scale",
  "skills",
  "number",
  "tags",
  "timezone",
  "availability",
  "email",
]);

export const Question = z
  .strictObject({
    key: z.string().min(1).max(40).describe("Stable identifier; also the CSV column name"),
    label: z.string().trim().min(1, "Write the question").max(300),
    kind: QuestionKind,
    required: z.boolean(),
    help: z.string().trim().max(500).optional(),
    choices: z.array(z.string().trim().min(1).max(100)).max(30).optional(),
    min: z.number().int().optional(),
    max: z.number().int().optional(),
    builtin: z.boolean().optional(),
    removable: z.boolean().optional(),
  })
  .meta({ id: "Question" });

export const IntakeForm = z
  .object({ role: IntakeRole, version: z.number().int(), questions: z.array(Question), updatedAt: z.iso.datetime() })
  .meta({ id: "IntakeForm" });

export const IntakeFormSave = z.strictObject({
  version: z.number().int().min(1).describe("The version you edited; a mismatch returns 409"),
  questions: z.array(Question).min(1).max(60),
});

export const FormParams = z.strictObject({ id: z.uuid({ message: "Must be a valid id" }), role: IntakeRole });

export const SkillAnswer = z.object({ name: z.string(), level: z.number().int() });
export const AvailabilityWindow = z.object({ day: z.string(), start: z.string(), end: z.string() });
/** Answers by question key; each value is validated against the form, not here. */
export const Answers = z.record(z.string(), z.unknown()).meta({ id: "Answers" });
