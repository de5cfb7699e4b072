import { describe, expect, it } from "vitest";
import type { TaxonomyEntry } from "./families.js";
import { createTaxonomy, validateTaxonomyEntry } from "./taxonomy.js";
import { SKILL_TAXONOMY } from "./taxonomy-data.js";

const taxonomy = createTaxonomy(SKILL_TAXONOMY);
const nameOf = (input: string) => taxonomy.resolve(input)?.skill.name;

describe("resolve", () => {
  it.each([
    ["JS", "JavaScript"],
    ["js", "JavaScript"],
    ["TS", "TypeScript"],
    ["k8s", "Kubernetes"],
    ["ReactJS", "React"],
    ["React.js", "React"],
    ["react.js", "React"],
    ["React JS", "React"],
    [" reactjs ", "React"],
    ["Postgres", "PostgreSQL"],
    ["psql", "PostgreSQL"],
    ["golang", "Go"],
    ["node", "Node.js"],
    ["nodejs", "Node.js"],
    ["node.js", "Node.js"],
    ["c#", "C#"],
    ["csharp", "C#"],
    ["C Sharp", "C#"],
    [".net", ".NET"],
    ["dotnet", ".NET"],
    ["dot net", ".NET"],
    ["GCP", "Google Cloud"],
    ["AWS", "AWS"],
    ["Amazon Web Services", "AWS"],
    ["tf", "Terraform"],
    ["ML", "Machine Learning"],
    ["CI/CD", "CI/CD"],
    ["ci-cd", "CI/CD"],
    ["Continuous Integration", "CI/CD"],
    ["public speaking", "Public Speaking"],
    ["code review", "Code Review"],
    ["technical writing", "Technical Writing"],
    ["system design", "System Design"],
    ["interviewing", "Interview Preparation"],
    ["salary negotiation", "Negotiation"],
    ["people management", "People Management"],
    ["career growth", "Career Growth"],
  ])("%j → %s", (input, expected) => {
    expect(nameOf(input)).toBe(expected);
  });

  it("keeps C, C# and C++ apart", () => {
    expect(nameOf("C")).toBe("C");
    expect(nameOf("c")).toBe("C");
    expect(nameOf("C#")).toBe("C#");
    expect(nameOf("C++")).toBe("C++");
    expect(nameOf("cpp")).toBe("C++");
    expect(nameOf("c plus plus")).toBe("C++");
    expect(nameOf("F#")).toBe("F#");
  });

  it("reads NET as .NET but keeps ASP.NET Core separate", () => {
    expect(nameOf("NET")).toBe(".NET");
    expect(nameOf("ASP.NET")).toBe("ASP.NET Core");
    expect(nameOf("asp net core")).toBe("ASP.NET Core");
  });

  it("keeps skills whose names only differ by a suffix apart", () => {
    expect(nameOf("Angular")).toBe("Angular");
    expect(nameOf("Angular JS")).toBe("AngularJS");
    expect(nameOf("React Native")).toBe("React Native");
    expect(nameOf("Java")).toBe("Java");
    expect(nameOf("JavaScript")).toBe("JavaScript");
  });

  it("says whether it matched the name or an alias", () => {
    expect(taxonomy.resolve("typescript")).toEqual({ skill: { name: "TypeScript", family: "languages" }, via: "name" });
    expect(taxonomy.resolve("TS")).toEqual({ skill: { name: "TypeScript", family: "languages" }, via: "alias" });
  });

  it("ignores version numbers and filler words when nothing matches exactly", () => {
    expect(nameOf("Vue 3")).toBe("Vue.js");
    expect(nameOf("Python 3.12")).toBe("Python");
    expect(nameOf("Java 17")).toBe("Java");
    expect(nameOf("Next")).toBe("Next.js");
    expect(nameOf("Go developer")).toBe("Go");
    expect(nameOf("C programming language")).toBe("C");
    expect(taxonomy.resolve("Java developer")?.via).toBe("alias");
  });

  it("returns nothing for unknown or empty input", () => {
    expect(taxonomy.resolve("Quantum Basket Weaving")).toBeUndefined();
    expect(taxonomy.resolve("")).toBeUndefined();
    expect(taxonomy.resolve("  -- ")).toBeUndefined();
  });
});

describe("family", () => {
  it("gives the family of a name or an alias", () => {
    expect(taxonomy.family("k8s")).toBe("devops-cloud");
    expect(taxonomy.family("React")).toBe("frontend");
    expect(taxonomy.family("Mentoring")).toBe("management-leadership");
    expect(taxonomy.family("nope-not-a-skill")).toBeUndefined();
  });
});

describe("all", () => {
  it("is sorted by name and cannot be changed from outside", () => {
    const names = taxonomy.all().map((e) => e.name);
    const sorted = [...names].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
    expect(names).toEqual(sorted);
    const first = taxonomy.all()[0];
    (first.aliases as string[]).push("tampered");
    expect(taxonomy.all()[0].aliases).not.toContain("tampered");
  });
});

describe("suggest", () => {
  it.each([
    ["Kubernets", "Kubernetes"],
    ["Typscript", "TypeScript"],
    ["postgress", "PostgreSQL"],
    ["Javscript", "JavaScript"],
    ["pyhton", "Python"],
    ["Terrafrom", "Terraform"],
    ["kube", "Kubernetes"],
    ["Kubernetes administration", "Kubernetes"],
  ])("%j → %s first", (input, expected) => {
    expect(taxonomy.suggest(input)[0]?.name).toBe(expected);
  });

  it("finds known skills inside a phrase", () => {
    const names = taxonomy.suggest("React and Redux").map((s) => s.name);
    expect(names).toContain("React");
    expect(names).toContain("Redux");
  });

  it("suggests nothing for input far from every skill", () => {
    expect(taxonomy.suggest("xyzzy")).toEqual([]);
    expect(taxonomy.suggest("")).toEqual([]);
  });

  it("respects the limit and is deterministic", () => {
    expect(taxonomy.suggest("data", 2)).toHaveLength(2);
    expect(taxonomy.suggest("data", 0)).toEqual([]);
    expect(taxonomy.suggest("data", 5)).toEqual(taxonomy.suggest("data", 5));
  });

  it("ranks the closer skill first and breaks ties by name", () => {
    const small = createTaxonomy([
      { name: "Rust", family: "languages", aliases: [] },
      { name: "Ruby", family: "languages", aliases: [] },
      { name: "Rush", family: "languages", aliases: [] },
      { name: "Rusty Pipes", family: "backend", aliases: [] },
    ]);
    // "rusy" is one edit from rust, ruby and rush (a tie, so by name) and far from "rustypipes".
    expect(small.suggest("rusy", 5).map((s) => s.name)).toEqual(["Ruby", "Rush", "Rust"]);
    // "rustx" is one edit from rust (1/5) and a closer typo than any other.
    expect(small.suggest("rustx", 1).map((s) => s.name)).toEqual(["Rust"]);
  });
});

describe("autocomplete", () => {
  it("orders exact matches, then name prefixes, alias prefixes, name substrings and alias substrings", () => {
    const entries: TaxonomyEntry[] = [
      { name: "Printing", family: "product-design", aliases: ["Letterpress Types"] },
      { name: "Prototype Design", family: "product-design", aliases: [] },
      { name: "Stereotypes", family: "career-soft-skills", aliases: [] },
      { name: "Keyboard", family: "product-design", aliases: ["Type Racing"] },
      { name: "Fonts", family: "product-design", aliases: ["Typeface"] },
      { name: "Typewriting", family: "career-soft-skills", aliases: [] },
      { name: "TypeScript", family: "languages", aliases: [] },
      { name: "Types", family: "languages", aliases: ["Type"] },
    ];
    const small = createTaxonomy(entries);
    expect(small.autocomplete("type").map((s) => s.name)).toEqual([
      "Types", // exact alias
      "TypeScript", // name prefix, shorter
      "Typewriting", // name prefix
      "Fonts", // alias prefix "typeface"
      "Keyboard", // alias prefix "typeracing"
      "Stereotypes", // name substring, shorter
      "Prototype Design", // name substring
      "Printing", // alias substring
    ]);
    expect(small.autocomplete("Type", 3).map((s) => s.name)).toEqual(["Types", "TypeScript", "Typewriting"]);
  });

  it("finds skills by alias and returns canonical names without duplicates", () => {
    expect(taxonomy.autocomplete("k8")[0]?.name).toBe("Kubernetes");
    expect(taxonomy.autocomplete("Node.")[0]?.name).toBe("Node.js");
    for (const prefix of ["re", "java", "c", "data", "test", "post", "dev"]) {
      const names = taxonomy.autocomplete(prefix, 50).map((s) => s.name);
      expect(new Set(names).size, prefix).toBe(names.length);
    }
  });

  it("puts React before React Native, and lists both", () => {
    const names = taxonomy.autocomplete("react").map((s) => s.name);
    expect(names[0]).toBe("React");
    expect(names).toContain("React Native");
  });

  it("returns nothing for an empty prefix or a zero limit", () => {
    expect(taxonomy.autocomplete("")).toEqual([]);
    expect(taxonomy.autocomplete(" . ")).toEqual([]);
    expect(taxonomy.autocomplete("java", 0)).toEqual([]);
  });

  it("returns at most ten by default", () => {
    expect(taxonomy.autocomplete("e").length).toBeLessThanOrEqual(10);
    expect(taxonomy.autocomplete("e").length).toBe(10);
  });
});

describe("normaliseSkillList", () => {
  it("merges spellings of one skill, keeping the highest level", () => {
    const { skills } = taxonomy.normaliseSkillList([
      { name: "JS", level: 2 },
      { name: "Kubernets", level: 1 },
      { name: "JavaScript", level: 4 },
      { name: "javascript" },
      { name: "k8s", level: 3 },
      { name: "Foo  Bar" },
      { name: "foo-bar", level: 2 },
      { name: "   " },
    ]);
    expect(skills.map((s) => s.name)).toEqual(["JavaScript", "Kubernets", "Kubernetes", "Foo Bar"]);
    expect(skills[0]).toEqual({ name: "JavaScript", level: 4, known: true, family: "languages" });
    expect(skills[2]).toEqual({ name: "Kubernetes", level: 3, known: true, family: "devops-cloud" });
  });

  it("keeps unknown skills as typed, flagged, with suggestions", () => {
    const { skills } = taxonomy.normaliseSkillList([{ name: " Kubernets ", level: 1 }, { name: "Foo Bar" }]);
    expect(skills[0]).toMatchObject({ name: "Kubernets", level: 1, known: false });
    expect(skills[0].suggestions?.[0]).toBe("Kubernetes");
    expect(skills[1].known).toBe(false);
    expect(Array.isArray(skills[1].suggestions)).toBe(true);
  });

  it("leaves the level out when none was given, and ignores levels that are not numbers", () => {
    const { skills } = taxonomy.normaliseSkillList([{ name: "Go" }, { name: "golang", level: Number.NaN }]);
    expect(skills).toEqual([{ name: "Go", known: true, family: "languages" }]);
  });
});

describe("admin-added entries", () => {
  it("can add aliases to an existing skill and add new skills", () => {
    const extended = createTaxonomy(SKILL_TAXONOMY, [
      { name: "react", family: "frontend", aliases: ["Reakt", "ReactJS"] },
      { name: "Grove Plugins", family: "backend", aliases: ["grove-ext"] },
    ]);
    expect(extended.rejected).toEqual([]);
    expect(extended.resolve("Reakt")).toEqual({ skill: { name: "React", family: "frontend" }, via: "alias" });
    expect(extended.resolve("grove ext")).toEqual({ skill: { name: "Grove Plugins", family: "backend" }, via: "alias" });
    expect(extended.autocomplete("grove").map((s) => s.name)).toEqual(["Grove Plugins"]);
    expect(extended.all()).toHaveLength(SKILL_TAXONOMY.length + 1);
    // The built-in taxonomy is not changed by building another one.
    expect(taxonomy.resolve("Reakt")).toBeUndefined();
  });

  it("skips an entry that conflicts with what is already there, and says why", () => {
    const extended = createTaxonomy(SKILL_TAXONOMY, [
      { name: "Reason", family: "languages", aliases: ["ReasonML", "JS"] },
      { name: "Deno Deploy", family: "devops-cloud", aliases: ["deployctl"] },
      { name: "Deploy Tools", family: "devops-cloud", aliases: ["deployctl"] },
    ]);
    expect(extended.resolve("ReasonML")).toBeUndefined();
    expect(extended.resolve("JS")?.skill.name).toBe("JavaScript");
    expect(extended.resolve("deployctl")?.skill.name).toBe("Deno Deploy");
    expect(extended.resolve("Deploy Tools")).toBeUndefined();
    expect(extended.rejected.map((r) => (r.entry as TaxonomyEntry).name)).toEqual(["Reason", "Deploy Tools"]);
    expect(extended.rejected[0].problems.join(" ")).toContain("JavaScript");
    expect(extended.rejected[1].problems.join(" ")).toContain("Deno Deploy");
  });

  it("copes with stored entries that are incomplete or malformed", () => {
    const stored = [
      { name: "Grove Plugins", family: "backend" },
      { name: "Broken", family: "backend", aliases: [42] },
      { name: "Also Broken", family: "backend", aliases: "not a list" },
    ] as unknown as TaxonomyEntry[];
    const extended = createTaxonomy(SKILL_TAXONOMY, stored);
    expect(extended.resolve("grove plugins")?.skill.name).toBe("Grove Plugins");
    expect(extended.resolve("Broken")).toBeUndefined();
    expect(extended.rejected.map((r) => r.problems)).toEqual([["Alias 1 is empty."], ["Aliases must be a list of names."]]);
  });

  it("refuses an inconsistent built-in list", () => {
    expect(() =>
      createTaxonomy([
        { name: "Go", family: "languages", aliases: [] },
        { name: "go", family: "languages", aliases: [] },
      ]),
    ).toThrow(/more than once/);
    expect(() =>
      createTaxonomy([
        { name: "Go", family: "languages", aliases: ["golang"] },
        { name: "Golang Tools", family: "devops-cloud", aliases: ["Golang"] },
      ]),
    ).toThrow(/already an alias of "Go"/);
  });
});

describe("validateTaxonomyEntry", () => {
  it("accepts a new skill and an extension of an existing one, against a taxonomy or a list", () => {
    for (const existing of [taxonomy, SKILL_TAXONOMY]) {
      expect(validateTaxonomyEntry({ name: "Grove Plugins", family: "backend", aliases: ["grove-ext"] }, existing)).toEqual([]);
      expect(
        validateTaxonomyEntry({ name: "Kubernetes", family: "devops-cloud", aliases: ["k8s", "kubernetes engine"] }, existing),
      ).toEqual([]);
    }
  });

  it("explains what is wrong", () => {
    const problems = (entry: object) => validateTaxonomyEntry(entry, taxonomy);

    expect(problems({ name: "  ", family: "backend", aliases: [] })).toEqual(["The skill name is empty."]);
    expect(problems({ family: "backend", aliases: [] })).toEqual(["The skill name is empty."]);
    expect(problems({ name: "!!!", family: "backend", aliases: [] })[0]).toMatch(/no letters or digits/);
    expect(problems({ name: "x".repeat(61), family: "backend", aliases: [] })[0]).toMatch(/longer than 60/);

    const family = problems({ name: "Grove Plugins", family: "plumbing", aliases: [] });
    expect(family).toHaveLength(1);
    expect(family[0]).toContain('"plumbing" is not a skill family');
    expect(family[0]).toContain("devops-cloud");
    expect(problems({ name: "Grove Plugins", aliases: [] })[0]).toMatch(/family is missing/);

    expect(problems({ name: "Reason", family: "languages", aliases: ["ReasonML", "js"] })).toEqual([
      'The alias "js" is already an alias of "JavaScript".',
    ]);
    expect(problems({ name: "Reason", family: "languages", aliases: ["TypeScript"] })).toEqual([
      'The alias "TypeScript" is the name of "TypeScript".',
    ]);
    expect(problems({ name: "JS", family: "languages", aliases: ["ES"] })[0]).toContain('"JS" is already an alias of "JavaScript"');
    expect(problems({ name: "React", family: "backend", aliases: ["Reakt"] })[0]).toContain('"React" is already in the frontend family');
    expect(problems({ name: "Reason", family: "languages", aliases: ["", "ok"] })).toEqual(["Alias 1 is empty."]);
    expect(problems({ name: "Reason", family: "languages", aliases: "ReasonML" })).toEqual(["Aliases must be a list of names."]);
    expect(problems({ name: "Reason", family: "languages", aliases: Array.from({ length: 51 }, (_, i) => `alias ${i}`) })[0]).toMatch(
      /at most 50 aliases/,
    );
  });

  it("reports every problem at once", () => {
    expect(validateTaxonomyEntry({ name: "", family: "nope", aliases: ["k8s"] }, taxonomy)).toHaveLength(3);
  });
});
