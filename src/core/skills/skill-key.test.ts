import { describe, expect, it } from "vitest";
import { editDistance, fallbackKeys, skillKey } from "./skill-key.js";

describe("skillKey", () => {
  it("ignores case, spaces and punctuation", () => {
    expect(skillKey("React JS")).toBe("reactjs");
    expect(skillKey(" react.js ")).toBe("reactjs");
    expect(skillKey("CI/CD")).toBe("cicd");
    expect(skillKey("Objective-C")).toBe("objectivec");
    expect(skillKey("ASP.NET  Core")).toBe("aspnetcore");
  });

  it("spells out the symbols that tell skills apart", () => {
    expect(skillKey("C")).toBe("c");
    expect(skillKey("C#")).toBe("csharp");
    expect(skillKey("C++")).toBe("cplusplus");
    expect(skillKey("F#")).toBe("fsharp");
    expect(skillKey("R&D")).toBe("randd");
  });

  it("drops accents and folds compatibility characters", () => {
    expect(skillKey("Résumé")).toBe("resume");
    expect(skillKey("Ｃ＃")).toBe("csharp");
  });

  it("keeps letters of other scripts", () => {
    expect(skillKey("Программирование")).toBe("программирование");
  });

  it("is empty for input without letters or digits", () => {
    expect(skillKey("  .-/ ")).toBe("");
  });
});

describe("fallbackKeys", () => {
  it("tries without a version, without filler words and with or without js", () => {
    expect(fallbackKeys("python3")).toContain("python");
    expect(fallbackKeys("javadeveloper")).toContain("java");
    expect(fallbackKeys("cprogramminglanguage")).toContain("c");
    expect(fallbackKeys("next")).toContain("nextjs");
    expect(fallbackKeys("expressjs")).toContain("express");
  });

  it("never repeats, never returns the key itself or an empty key", () => {
    for (const key of ["python3", "js", "dev", "3", "reactjs", "a1"]) {
      const keys = fallbackKeys(key);
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys).not.toContain(key);
      expect(keys).not.toContain("");
    }
  });
});

describe("editDistance", () => {
  it("counts insertions, deletions and substitutions", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("abc", "")).toBe(3);
    expect(editDistance("same", "same")).toBe(0);
  });

  it("counts a swap of neighbours as one edit", () => {
    expect(editDistance("ca", "ac")).toBe(1);
    expect(editDistance("typescirpt", "typescript")).toBe(1);
  });

  it("is symmetric", () => {
    const words = ["kubernetes", "kubernets", "postgres", "postgress", "ab", "ba", "abc", "cab"];
    for (const a of words) for (const b of words) expect(editDistance(a, b)).toBe(editDistance(b, a));
  });

  it("stops early past the limit but never under-reports", () => {
    expect(editDistance("kitten", "sitting", 1)).toBe(2);
    expect(editDistance("kitten", "sitting", 3)).toBe(3);
    expect(editDistance("a", "abcdef", 2)).toBe(3);
  });
});
