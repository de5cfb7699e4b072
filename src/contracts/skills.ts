import { z } from "zod";
import { FAMILIES } from "../core/skills/families.js";

export const SkillFamily = z.enum(FAMILIES);
export const Skill = z.object({ name: z.string(), family: SkillFamily }).meta({ id: "Skill" });
export const SkillQuery = z.strictObject({
  q: z.string().trim().max(60).default(""),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export const SkillCheckQuery = z.strictObject({ name: z.string().trim().min(1).max(60) });
export const SkillCheck = z.object({
  input: z.string(),
  known: z.boolean(),
  skill: Skill.nullable().describe("The canonical skill when known"),
  suggestions: z.array(Skill).describe("Closest known skills when unknown"),
});
export const SkillEntryCreate = z.strictObject({
  name: z.string().trim().min(1).max(60),
  family: SkillFamily,
  aliases: z.array(z.string().trim().min(1).max(60)).max(50).default([]),
});
