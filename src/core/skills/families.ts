/**
 * The skill families. Every skill belongs to exactly one of them; matching gives partial credit
 * when a mentor offers a different skill of the same family as the one a mentee seeks.
 */
export const FAMILIES = [
  "languages",
  "frontend",
  "backend",
  "mobile",
  "data",
  "ml-ai",
  "devops-cloud",
  "security",
  "testing-quality",
  "architecture",
  "management-leadership",
  "product-design",
  "career-soft-skills",
] as const;

export type Family = (typeof FAMILIES)[number];

/** How each family is shown in forms and match explanations. */
export const FAMILY_LABELS: Readonly<Record<Family, string>> = {
  languages: "Programming languages",
  frontend: "Frontend, desktop and games",
  backend: "Backend and systems",
  mobile: "Mobile",
  data: "Data and databases",
  "ml-ai": "Machine learning and AI",
  "devops-cloud": "DevOps, cloud and tooling",
  security: "Security",
  "testing-quality": "Testing, quality and engineering practice",
  architecture: "Architecture, design and CS fundamentals",
  "management-leadership": "Management and leadership",
  "product-design": "Product and design",
  "career-soft-skills": "Career and soft skills",
};

const FAMILY_SET: ReadonlySet<string> = new Set(FAMILIES);

export function isFamily(value: unknown): value is Family {
  return typeof value === "string" && FAMILY_SET.has(value);
}

/** One skill as stored: the built-in list and the entries an admin adds share this shape. */
export interface TaxonomyEntry {
  /** Canonical display name, e.g. "JavaScript". */
  name: string;
  family: Family;
  /** Other ways people write it, e.g. "JS", "ECMAScript". Case, spaces and most punctuation never need an alias. */
  aliases: readonly string[];
}
