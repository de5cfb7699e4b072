import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FAMILIES, isFamily } from "./families.js";
import { skillKey } from "./skill-key.js";
import { createTaxonomy } from "./taxonomy.js";
import { SKILL_TAXONOMY } from "./taxonomy-data.js";

// The whole built-in list, checked entry by entry.
describe("the built-in skills taxonomy", () => {
  const taxonomy = createTaxonomy(SKILL_TAXONOMY);

  it("is a curated list of a few hundred skills covering every family", () => {
    expect(SKILL_TAXONOMY.length).toBeGreaterThanOrEqual(250);
    expect(SKILL_TAXONOMY.length).toBeLessThanOrEqual(400);
    for (const family of FAMILIES) {
      expect(SKILL_TAXONOMY.filter((e) => e.family === family).length, family).toBeGreaterThanOrEqual(10);
    }
  });

  it("gives every skill exactly one known family and tidy, short names", () => {
    for (const entry of SKILL_TAXONOMY) {
      expect(isFamily(entry.family), entry.name).toBe(true);
      for (const text of [entry.name, ...entry.aliases]) {
        expect(text, entry.name).toBe(text.trim().replace(/\s+/g, " "));
        expect(text.length, text).toBeGreaterThan(0);
        expect(text.length, text).toBeLessThanOrEqual(60);
        expect(skillKey(text), text).not.toBe("");
      }
    }
  });

  it("never lets one name or alias mean two skills", () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const entry of SKILL_TAXONOMY) {
      for (const text of [entry.name, ...entry.aliases]) {
        const key = skillKey(text);
        const other = owner.get(key);
        if (other !== undefined && other !== entry.name) clashes.push(`"${text}" (${entry.name}) vs ${other}`);
        owner.set(key, entry.name);
      }
    }
    expect(clashes).toEqual([]);
  });

  it("lists no alias that normalisation already covers", () => {
    const redundant: string[] = [];
    for (const entry of SKILL_TAXONOMY) {
      const keys = new Set([skillKey(entry.name)]);
      for (const alias of entry.aliases) {
        const key = skillKey(alias);
        if (keys.has(key)) redundant.push(`${entry.name}: "${alias}"`);
        keys.add(key);
      }
    }
    expect(redundant).toEqual([]);
  });

  it("resolves every name to itself and every alias to its own skill", () => {
    for (const entry of SKILL_TAXONOMY) {
      expect(taxonomy.resolve(entry.name), entry.name).toEqual({ skill: { name: entry.name, family: entry.family }, via: "name" });
      for (const alias of entry.aliases) {
        expect(taxonomy.resolve(alias), alias).toEqual({ skill: { name: entry.name, family: entry.family }, via: "alias" });
      }
    }
  });

  it("resolves names and aliases however they are cased and punctuated", () => {
    const texts = SKILL_TAXONOMY.flatMap((e) => [e.name, ...e.aliases].map((text) => ({ text, name: e.name })));
    const separator = fc.constantFrom("", "", "", " ", ".", "-", "_", "/");
    fc.assert(
      fc.property(
        fc.constantFrom(...texts),
        fc.array(fc.boolean(), { minLength: 80, maxLength: 80 }),
        fc.array(separator, { minLength: 80, maxLength: 80 }),
        ({ text, name }, upper, seps) => {
          const mangled = [...text].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch.toLowerCase()) + seps[i]).join("");
          expect(taxonomy.resolve(`  ${mangled} `)?.skill.name).toBe(name);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("lists every skill once in all(), with its aliases", () => {
    const all = taxonomy.all();
    expect(all.map((e) => e.name).sort()).toEqual(SKILL_TAXONOMY.map((e) => e.name).sort());
    const react = all.find((e) => e.name === "React");
    expect(react?.aliases).toEqual(SKILL_TAXONOMY.find((e) => e.name === "React")?.aliases);
  });
});
