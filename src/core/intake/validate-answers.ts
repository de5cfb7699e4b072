import type { Answers, AnswerValue, AvailabilityWindow, FormDefinition, Question, SkillAnswer } from "./questions.js";
import { WEEKDAYS } from "./questions.js";

export type AnswerProblem = { key: string; message: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const MAX_ITEMS = 30;

// Building an Intl formatter per answer dominated large imports; a pool has few distinct zones.
const zoneCache = new Map<string, boolean>();
export function isTimeZone(name: string): boolean {
  const cached = zoneCache.get(name);
  if (cached !== undefined) return cached;
  let ok: boolean;
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    ok = name.includes("/") || name === "UTC";
  } catch {
    ok = false;
  }
  if (zoneCache.size < 1000) zoneCache.set(name, ok);
  return ok;
}

const isBlank = (v: unknown) => v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);

/**
 * Validates and normalises answers against a form. Unknown keys are refused (a typo in
 * a key must not silently lose an answer); optional questions may be left out.
 */
export function validateAnswers(form: FormDefinition, input: Record<string, unknown>): { answers: Answers; problems: AnswerProblem[] } {
  const answers: Answers = {};
  const problems: AnswerProblem[] = [];
  const byKey = new Map(form.questions.map((q) => [q.key, q]));
  for (const key of Object.keys(input)) {
    if (!byKey.has(key)) problems.push({ key, message: "This form has no such question" });
  }
  for (const question of form.questions) {
    const raw = input[question.key];
    if (isBlank(raw)) {
      if (question.required) problems.push({ key: question.key, message: "This question needs an answer" });
      continue;
    }
    const result = normaliseAnswer(question, raw);
    if (typeof result === "object" && result !== null && "problem" in result) problems.push({ key: question.key, message: result.problem });
    else answers[question.key] = result as AnswerValue;
  }
  return { answers, problems };
}

type Normalised = AnswerValue | { problem: string };

export function normaliseAnswer(question: Question, raw: unknown): Normalised {
  switch (question.kind) {
    case "short_text":
    case "long_text": {
      if (typeof raw !== "string") return { problem: "Expected text" };
      const max = question.kind === "short_text" ? 200 : 5000;
      const text = raw.trim();
      return text.length > max ? { problem: `At most ${max.toLocaleString("en")} characters` } : text;
    }
    case "email": {
      const text = typeof raw === "string" ? raw.trim().toLowerCase() : "";
      return EMAIL.test(text) && text.length <= 254 ? text : { problem: "Expected an email address like name@example.org" };
    }
    case "timezone":
      return typeof raw === "string" && isTimeZone(raw.trim())
        ? raw.trim()
        : { problem: "Expected a time zone such as Europe/Berlin or America/Sao_Paulo" };
    case "number":
    case "scale": {
      const n = typeof raw === "string" && raw.trim() !== "" ? Number(raw) : raw;
      const min = question.kind === "scale" ? 1 : (question.min ?? 0);
      const max = question.kind === "scale" ? 5 : (question.max ?? 1_000_000);
      if (typeof n !== "number" || !Number.isInteger(n)) return { problem: "Expected a whole number" };
      return n < min || n > max ? { problem: `Expected a number from ${min} to ${max}` } : n;
    }
    case "single_choice": {
      const choice = matchChoice(question, raw);
      return choice ?? { problem: `Expected one of: ${(question.choices ?? []).join(", ")}` };
    }
    case "multi_choice": {
      if (!Array.isArray(raw)) return { problem: "Expected a list of choices" };
      const picked: string[] = [];
      for (const item of raw) {
        const choice = matchChoice(question, item);
        if (!choice) return { problem: `"${String(item)}" is not one of: ${(question.choices ?? []).join(", ")}` };
        if (!picked.includes(choice)) picked.push(choice);
      }
      return picked;
    }
    case "tags": {
      if (!Array.isArray(raw) || raw.some((t) => typeof t !== "string")) return { problem: "Expected a list of words" };
      const tags: string[] = [];
      for (const t of raw as string[]) {
        const tag = t.trim();
        if (tag.length > 60) return { problem: "Each entry is at most 60 characters" };
        if (tag && !tags.some((x) => x.toLowerCase() === tag.toLowerCase())) tags.push(tag);
      }
      return tags.length > MAX_ITEMS ? { problem: `At most ${MAX_ITEMS} entries` } : tags;
    }
    case "skills":
      return normaliseSkills(raw);
    case "availability":
      return normaliseAvailability(raw);
  }
}

function matchChoice(question: Question, raw: unknown): string | undefined {
  if (typeof raw !== "string") return undefined;
  const wanted = raw.trim().toLowerCase();
  return question.choices?.find((c) => c.toLowerCase() === wanted);
}

function normaliseSkills(raw: unknown): SkillAnswer[] | { problem: string } {
  if (!Array.isArray(raw)) return { problem: "Expected a list of skills with levels" };
  const skills: SkillAnswer[] = [];
  for (const item of raw) {
    const { name, level } = (item ?? {}) as { name?: unknown; level?: unknown };
    if (typeof name !== "string" || !name.trim() || name.trim().length > 60)
      return { problem: "Each skill needs a name of at most 60 characters" };
    if (typeof level !== "number" || !Number.isInteger(level) || level < 1 || level > 5) {
      return { problem: `The level of ${name.trim()} must be a whole number from 1 to 5` };
    }
    const existing = skills.find((s) => s.name.toLowerCase() === name.trim().toLowerCase());
    if (existing) existing.level = Math.max(existing.level, level);
    else skills.push({ name: name.trim(), level });
  }
  return skills.length > MAX_ITEMS ? { problem: `At most ${MAX_ITEMS} skills` } : skills;
}

function normaliseAvailability(raw: unknown): AvailabilityWindow[] | { problem: string } {
  if (!Array.isArray(raw)) return { problem: "Expected a list of weekly time windows" };
  const windows: AvailabilityWindow[] = [];
  for (const item of raw) {
    const { day, start, end } = (item ?? {}) as Record<string, unknown>;
    const d = typeof day === "string" ? day.trim().toLowerCase().slice(0, 3) : "";
    if (!(WEEKDAYS as readonly string[]).includes(d)) return { problem: `"${String(day)}" is not a day of the week` };
    if (typeof start !== "string" || typeof end !== "string" || !TIME.test(start) || !TIME.test(end)) {
      return { problem: "Times look like 18:30 (24-hour clock)" };
    }
    if (start >= end) return { problem: `On ${d}, the window must end after it starts` };
    windows.push({ day: d as AvailabilityWindow["day"], start, end });
  }
  return windows.length > 21 ? { problem: "At most 21 windows a week" } : windows;
}

/**
 * Rewrites skill names to the taxonomy's canonical names ("JS" → JavaScript), merging
 * duplicates at the higher level. Unknown skills are kept as typed: matching treats them
 * by exact name, and the form shows the closest known ones.
 */
export function canonicaliseSkills(answers: Answers, canonical: (name: string) => string | undefined): Answers {
  const skills = answers.skills;
  if (!Array.isArray(skills)) return answers;
  const merged: SkillAnswer[] = [];
  for (const s of skills as SkillAnswer[]) {
    const name = canonical(s.name) ?? s.name;
    const existing = merged.find((m) => m.name.toLowerCase() === name.toLowerCase());
    if (existing) existing.level = Math.max(existing.level, s.level);
    else merged.push({ name, level: s.level });
  }
  return { ...answers, skills: merged };
}
