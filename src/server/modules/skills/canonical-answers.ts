import type { Answers } from "../../../core/intake/questions.js";
import { canonicaliseSkills } from "../../../core/intake/validate-answers.js";
import type { Executor } from "../../platform/db.js";
import { currentTaxonomy } from "./taxonomy-cache.js";

/** Answers with skill names made canonical by the current taxonomy. */
export async function withCanonicalSkills(db: Executor, answers: Answers): Promise<Answers> {
  const taxonomy = await currentTaxonomy(db);
  return canonicaliseSkills(answers, (name) => taxonomy.resolve(name)?.skill.name);
}
