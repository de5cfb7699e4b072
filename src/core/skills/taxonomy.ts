import { FAMILIES, type Family, isFamily, type TaxonomyEntry } from "./families.js";
import { editDistance, fallbackKeys, skillKey } from "./skill-key.js";

/** A skill as the rest of Grove sees it. */
export interface Skill {
  readonly name: string;
  readonly family: Family;
}

export interface Resolution {
  skill: Skill;
  /** "name" when the input is the canonical name (up to case, spaces and punctuation), "alias" otherwise. */
  via: "name" | "alias";
}

export interface SkillInput {
  name: string;
  level?: number;
}

export interface NormalisedSkill {
  /** The canonical name of a known skill, or the input as typed (trimmed) for an unknown one. */
  name: string;
  /** The highest level given for this skill, if any was given. */
  level?: number;
  known: boolean;
  /** Only for known skills. */
  family?: Family;
  /** Only for unknown skills: canonical names of the closest known ones (possibly none). */
  suggestions?: string[];
}

/** An admin-added entry that could not be applied, and why. */
export interface RejectedEntry {
  entry: unknown;
  problems: string[];
}

export interface Taxonomy {
  resolve(input: string): Resolution | undefined;
  suggest(input: string, limit?: number): Skill[];
  autocomplete(prefix: string, limit?: number): Skill[];
  /** The family of a skill, given its name or an alias. */
  family(name: string): Family | undefined;
  /** Every skill with all its aliases (built-in and admin-added), sorted by name. */
  all(): TaxonomyEntry[];
  normaliseSkillList(inputs: readonly SkillInput[]): { skills: NormalisedSkill[] };
  /** Admin-added entries that were skipped because they conflict with the taxonomy as built so far. */
  readonly rejected: readonly RejectedEntry[];
}

/** Longest name or alias accepted, in characters. */
export const MAX_SKILL_NAME_LENGTH = 60;
/** Most aliases one entry may carry. */
export const MAX_ALIASES = 50;
/** Inputs longer than this are cut before suggesting or autocompleting: nobody types a skill that long. */
const MAX_QUERY_LENGTH = 120;

// ---------------------------------------------------------------------------------------------
// Index

interface SkillRecord {
  skill: Skill;
  nameKey: string;
  /** Display aliases, in the order they were added; one per distinct key. */
  aliases: string[];
}

interface KeyHit {
  record: SkillRecord;
  via: "name" | "alias";
}

interface IndexedKey {
  key: string;
  record: SkillRecord;
  via: "name" | "alias";
}

class SkillIndex {
  readonly records: SkillRecord[] = [];
  readonly byKey = new Map<string, KeyHit>();

  lookup(key: string): KeyHit | undefined {
    return this.byKey.get(key);
  }

  add(name: string, family: Family): SkillRecord {
    const record: SkillRecord = { skill: Object.freeze({ name, family }), nameKey: skillKey(name), aliases: [] };
    this.records.push(record);
    this.byKey.set(record.nameKey, { record, via: "name" });
    return record;
  }

  addAlias(record: SkillRecord, alias: string): void {
    const key = skillKey(alias);
    if (key.length === 0 || this.byKey.has(key)) return;
    record.aliases.push(alias);
    this.byKey.set(key, { record, via: "alias" });
  }

  /** Every key, sorted by key then by name, for binary-searched prefix lookups. */
  sortedKeys(): IndexedKey[] {
    const keys: IndexedKey[] = [];
    for (const [key, hit] of this.byKey) keys.push({ key, record: hit.record, via: hit.via });
    return keys.sort((a, b) => compareStrings(a.key, b.key) || compareNames(a.record.skill.name, b.record.skill.name));
  }
}

/** Lookup used to validate against a plain list: the first skill to claim a key keeps it. */
function indexOfEntries(entries: readonly TaxonomyEntry[]): SkillIndex {
  const index = new SkillIndex();
  for (const entry of entries) {
    const hit = index.lookup(skillKey(entry.name));
    const record = hit ? hit.record : index.add(tidy(entry.name), entry.family);
    for (const alias of entry.aliases ?? []) index.addAlias(record, tidy(alias));
  }
  return index;
}

const indexes = new WeakMap<Taxonomy, SkillIndex>();

// ---------------------------------------------------------------------------------------------
// Validation

interface EntryShape {
  name?: unknown;
  family?: unknown;
  aliases?: unknown;
}

/** Trims and collapses runs of whitespace: what is stored and shown. */
function tidy(text: string): string {
  return text.trim().replace(/\s+/g, " ");
}

function checkText(text: unknown, what: string): string | undefined {
  if (typeof text !== "string" || text.trim() === "") return `${what} is empty.`;
  if (tidy(text).length > MAX_SKILL_NAME_LENGTH) return `${what} is longer than ${MAX_SKILL_NAME_LENGTH} characters.`;
  if (skillKey(text) === "") return `${what} ("${tidy(text)}") has no letters or digits.`;
  return undefined;
}

function validateAgainst(entry: EntryShape, index: SkillIndex): string[] {
  const problems: string[] = [];
  if (typeof entry !== "object" || entry === null) return ["A skill entry must be an object with a name, a family and aliases."];

  const nameProblem = checkText(entry.name, "The skill name");
  if (nameProblem) problems.push(nameProblem);
  if (!isFamily(entry.family)) {
    const given =
      typeof entry.family === "string" && entry.family.trim() !== "" ? `"${entry.family}" is not a skill family` : "The family is missing";
    problems.push(`${given}; use one of: ${FAMILIES.join(", ")}.`);
  }

  // The skill this entry names, if it already exists: the entry then adds aliases to it.
  let target: SkillRecord | undefined;
  if (!nameProblem) {
    const name = tidy(entry.name as string);
    const hit = index.lookup(skillKey(name));
    if (hit?.via === "alias") {
      problems.push(`"${name}" is already an alias of "${hit.record.skill.name}"; add new aliases to "${hit.record.skill.name}" instead.`);
    } else if (hit) {
      target = hit.record;
      if (isFamily(entry.family) && entry.family !== target.skill.family) {
        problems.push(
          `"${target.skill.name}" is already in the ${target.skill.family} family and a skill has exactly one family; use "${target.skill.family}" to add aliases to it.`,
        );
      }
    }
  }

  const aliases = entry.aliases ?? [];
  if (!Array.isArray(aliases)) {
    problems.push("Aliases must be a list of names.");
    return problems;
  }
  if (aliases.length > MAX_ALIASES) problems.push(`An entry can have at most ${MAX_ALIASES} aliases (this one has ${aliases.length}).`);
  aliases.forEach((alias, i) => {
    const aliasProblem = checkText(alias, `Alias ${i + 1}`);
    if (aliasProblem) {
      problems.push(aliasProblem);
      return;
    }
    const hit = index.lookup(skillKey(alias as string));
    if (hit && hit.record !== target) {
      const what = hit.via === "name" ? "is the name of" : "is already an alias of";
      problems.push(`The alias "${tidy(alias as string)}" ${what} "${hit.record.skill.name}".`);
    }
  });
  return problems;
}

/**
 * Why an admin-added entry cannot be stored, as messages for the admin; empty when it can.
 * An entry whose name is an existing skill adds its aliases to that skill (the family must be the
 * same); any other entry adds a new skill. Aliases that already mean the same skill are harmless.
 */
export function validateTaxonomyEntry(entry: EntryShape, existing: Taxonomy | readonly TaxonomyEntry[]): string[] {
  const index = Array.isArray(existing) ? indexOfEntries(existing) : indexes.get(existing as Taxonomy);
  if (!index) throw new Error("validateTaxonomyEntry: `existing` must be a list of entries or a taxonomy from createTaxonomy.");
  return validateAgainst(entry, index);
}

// ---------------------------------------------------------------------------------------------
// Ordering helpers: plain code-unit comparisons, so the order never depends on the locale.

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareNames(a: string, b: string): number {
  return compareStrings(a.toLowerCase(), b.toLowerCase()) || compareStrings(a, b);
}

function clampLimit(limit: number, fallback: number): number {
  if (!Number.isFinite(limit)) return fallback;
  return Math.max(0, Math.floor(limit));
}

function queryKey(input: string): string {
  return typeof input === "string" ? skillKey(input.slice(0, MAX_QUERY_LENGTH)) : "";
}

/** How many edits a typo may have: about one per three characters, at most three. */
function allowedEdits(length: number): number {
  return Math.min(3, Math.max(1, Math.floor(length / 3)));
}

// ---------------------------------------------------------------------------------------------
// The taxonomy

/**
 * Builds the taxonomy from the built-in `entries` (which must be consistent: this throws
 * otherwise) and the admin-added `extra` entries, applied in order. An extra entry that conflicts
 * with what is already there is skipped and listed in `rejected`, so a stored entry that a newer
 * built-in list contradicts never stops Grove from starting.
 */
export function createTaxonomy(entries: readonly TaxonomyEntry[], extra: readonly TaxonomyEntry[] = []): Taxonomy {
  const index = new SkillIndex();

  const builtInProblems: string[] = [];
  for (const entry of entries) {
    const problems = validateAgainst(entry, index);
    if (problems.length === 0 && index.lookup(skillKey(entry.name))) problems.push(`"${tidy(entry.name)}" is listed more than once.`);
    if (problems.length > 0) builtInProblems.push(`${JSON.stringify(entry?.name)}: ${problems.join(" ")}`);
    else apply(entry);
  }
  if (builtInProblems.length > 0) throw new Error(`The skills taxonomy is inconsistent:\n${builtInProblems.join("\n")}`);

  const rejected: RejectedEntry[] = [];
  for (const entry of extra) {
    const problems = validateAgainst(entry, index);
    if (problems.length > 0) rejected.push({ entry, problems });
    else apply(entry);
  }

  function apply(entry: TaxonomyEntry): void {
    const name = tidy(entry.name);
    const record = index.lookup(skillKey(name))?.record ?? index.add(name, entry.family);
    for (const alias of entry.aliases ?? []) index.addAlias(record, tidy(alias));
  }

  const sortedKeys = index.sortedKeys();
  const byName = [...index.records].sort((a, b) => compareNames(a.skill.name, b.skill.name));

  function resolveKey(key: string): KeyHit | undefined {
    if (key.length === 0) return undefined;
    const exact = index.lookup(key);
    if (exact) return exact;
    for (const candidate of fallbackKeys(key)) {
      const hit = index.lookup(candidate);
      if (hit) return { record: hit.record, via: "alias" };
    }
    return undefined;
  }

  function resolve(input: string): Resolution | undefined {
    if (typeof input !== "string") return undefined;
    const hit = resolveKey(skillKey(input));
    return hit ? { skill: hit.record.skill, via: hit.via } : undefined;
  }

  /** Index of the first sorted key that is >= `key`. */
  function lowerBound(key: string): number {
    let lo = 0;
    let hi = sortedKeys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sortedKeys[mid].key < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  function suggest(input: string, limit = 3): Skill[] {
    const max = clampLimit(limit, 3);
    const q = queryKey(input);
    if (max === 0 || q.length === 0) return [];

    // Lower is closer. Each skill keeps its best score over its name and aliases.
    const best = new Map<SkillRecord, number>();
    const offer = (record: SkillRecord, score: number) => {
      const seen = best.get(record);
      if (seen === undefined || score < seen) best.set(record, score);
    };

    const resolved = resolveKey(q);
    if (resolved) offer(resolved.record, 0);

    // Known skills named inside a longer phrase: "React and Redux", "senior Go developer".
    const words = input.slice(0, MAX_QUERY_LENGTH).split(/\s+/).filter(Boolean);
    for (let size = Math.min(3, words.length); size >= 1; size--) {
      for (let start = 0; start + size <= words.length; start++) {
        const key = skillKey(words.slice(start, start + size).join(" "));
        if (key.length < 2 || key === q) continue;
        const hit = resolveKey(key);
        if (hit) offer(hit.record, 0.2);
      }
    }

    for (const { key, record } of sortedKeys) {
      // Typos: normalised edit distance.
      if (q.length >= 3) {
        const longest = Math.max(q.length, key.length);
        const allowed = allowedEdits(longest);
        const d = editDistance(q, key, allowed);
        if (d <= allowed) offer(record, d / longest);
      }
      // The start of a skill ("kube" → Kubernetes) ...
      if (q.length >= 2 && key.length > q.length && key.startsWith(q)) offer(record, (0.5 * (key.length - q.length)) / key.length);
      // ... or a skill followed by more text ("kubernetesadmin" → Kubernetes).
      if (key.length >= 3 && q.length > key.length && q.startsWith(key)) offer(record, (0.5 * (q.length - key.length)) / q.length);
    }

    return [...best]
      .sort(([a, sa], [b, sb]) => sa - sb || compareNames(a.skill.name, b.skill.name))
      .slice(0, max)
      .map(([record]) => record.skill);
  }

  function autocomplete(prefix: string, limit = 10): Skill[] {
    const max = clampLimit(limit, 10);
    const q = queryKey(prefix);
    if (max === 0 || q.length === 0) return [];

    // Tiers: 0 exact (or resolved), 1 name starts with it, 2 alias starts with it,
    // 3 name contains it, 4 alias contains it. Then the shorter matching key, then the name.
    const best = new Map<SkillRecord, { tier: number; length: number }>();
    const offer = (record: SkillRecord, tier: number, length: number) => {
      const seen = best.get(record);
      if (!seen || tier < seen.tier || (tier === seen.tier && length < seen.length)) best.set(record, { tier, length });
    };

    const resolved = resolveKey(q);
    if (resolved) offer(resolved.record, 0, q.length);

    for (let i = lowerBound(q); i < sortedKeys.length && sortedKeys[i].key.startsWith(q); i++) {
      const { key, record, via } = sortedKeys[i];
      offer(record, key === q ? 0 : via === "name" ? 1 : 2, key.length);
    }
    if (q.length >= 2) {
      for (const { key, record, via } of sortedKeys) {
        if (!key.startsWith(q) && key.includes(q)) offer(record, via === "name" ? 3 : 4, key.length);
      }
    }

    return [...best]
      .sort(([a, sa], [b, sb]) => sa.tier - sb.tier || sa.length - sb.length || compareNames(a.skill.name, b.skill.name))
      .slice(0, max)
      .map(([record]) => record.skill);
  }

  function family(name: string): Family | undefined {
    return resolve(name)?.skill.family;
  }

  function all(): TaxonomyEntry[] {
    return byName.map((record) => ({ name: record.skill.name, family: record.skill.family, aliases: [...record.aliases] }));
  }

  function normaliseSkillList(inputs: readonly SkillInput[]): { skills: NormalisedSkill[] } {
    const skills: NormalisedSkill[] = [];
    // Known skills merge on the skill, unknown ones on their key ("Foo Bar" = "foo-bar").
    const merged = new Map<SkillRecord | string, NormalisedSkill>();
    for (const input of inputs) {
      if (typeof input?.name !== "string") continue;
      const typed = tidy(input.name);
      const key = skillKey(typed);
      if (key.length === 0) continue;
      const level = typeof input.level === "number" && Number.isFinite(input.level) ? input.level : undefined;

      const hit = resolveKey(key);
      const mergeKey: SkillRecord | string = hit ? hit.record : key;
      const seen = merged.get(mergeKey);
      if (seen) {
        if (level !== undefined && (seen.level === undefined || level > seen.level)) seen.level = level;
        continue;
      }
      const skill: NormalisedSkill = hit
        ? { name: hit.record.skill.name, known: true, family: hit.record.skill.family }
        : { name: typed, known: false, suggestions: suggest(typed).map((s) => s.name) };
      if (level !== undefined) skill.level = level;
      merged.set(mergeKey, skill);
      skills.push(skill);
    }
    return { skills };
  }

  const taxonomy: Taxonomy = {
    resolve,
    suggest,
    autocomplete,
    family,
    all,
    normaliseSkillList,
    rejected: Object.freeze(rejected),
  };
  indexes.set(taxonomy, index);
  return taxonomy;
}
