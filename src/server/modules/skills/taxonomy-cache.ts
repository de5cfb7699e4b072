import { sql } from "drizzle-orm";
import { createTaxonomy, SKILL_TAXONOMY, type Taxonomy, type TaxonomyEntry } from "../../../core/skills/index.js";
import { type Executor, queryRows } from "../../platform/db.js";
import { skillEntries } from "../enrolment/tables.js";

let cached: { stamp: string; taxonomy: Taxonomy } | undefined;

/**
 * The shipped taxonomy plus admins' additions. Rebuilt only when the additions change
 * (a cheap stamp query), so every process sees another process's additions on its next call.
 */
export async function currentTaxonomy(db: Executor): Promise<Taxonomy> {
  const [row] = await queryRows<{ stamp: string }>(
    db,
    sql`select count(*)::text || ':' || coalesce(max(created_at)::text, '') as stamp from skill_entries`,
  );
  if (cached?.stamp === row.stamp) return cached.taxonomy;
  const extra = await db.select().from(skillEntries).orderBy(skillEntries.createdAt);
  const taxonomy = createTaxonomy(
    SKILL_TAXONOMY,
    extra.map((e) => ({ name: e.name, family: e.family, aliases: e.aliases }) as TaxonomyEntry),
  );
  cached = { stamp: row.stamp, taxonomy };
  return taxonomy;
}
