export { FAMILIES, FAMILY_LABELS, type Family, isFamily, type TaxonomyEntry } from "./families.js";
export { skillKey } from "./skill-key.js";
export {
  createTaxonomy,
  MAX_ALIASES,
  MAX_SKILL_NAME_LENGTH,
  type NormalisedSkill,
  type RejectedEntry,
  type Resolution,
  type Skill,
  type SkillInput,
  type Taxonomy,
  validateTaxonomyEntry,
} from "./taxonomy.js";
export { SKILL_TAXONOMY } from "./taxonomy-data.js";

import type { TaxonomyEntry } from "./families.js";
import { createTaxonomy, type Taxonomy } from "./taxonomy.js";
import { SKILL_TAXONOMY } from "./taxonomy-data.js";

let builtIn: Taxonomy | undefined;

/** The built-in taxonomy alone, built once. With admin-added entries, call `createTaxonomy(SKILL_TAXONOMY, extra)`. */
export function builtInTaxonomy(): Taxonomy {
  builtIn ??= createTaxonomy(SKILL_TAXONOMY);
  return builtIn;
}

/** The built-in taxonomy extended with admin-added entries (not cached: the caller owns the lifetime). */
export function taxonomyWithExtras(extra: readonly TaxonomyEntry[]): Taxonomy {
  return createTaxonomy(SKILL_TAXONOMY, extra);
}
