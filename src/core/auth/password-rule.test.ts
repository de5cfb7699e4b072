import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-rule.js";

const common = new Set(["password", "dragon", "qwertyuiop", "iloveyou", "1234567890", "football"]);
const isCommon = (s: string) => common.has(s);
const ada = { email: "ada.lovelace@example.org", name: "Ada Lovelace" };
const check = (p: string) => passwordProblem(p, ada, isCommon);

describe("a new password", () => {
  it("may not be a common one, in any case", () => {
    expect(check("QwertyUiop")).toBe("common");
    expect(check("1234567890")).toBe("common");
  });

  it("may not be a common word with digits or symbols stuck on", () => {
    expect(check("dragon1234")).toBe("common");
    expect(check("!!password!!")).toBe("common");
    expect(check("2024football")).toBe("common");
    expect(check("i love you")).toBe("common");
  });

  it("may not be one key held down or a run of keys", () => {
    expect(check("          ")).toBe("repetitive");
    expect(check("aaaaaaaaaa")).toBe("repetitive");
    expect(check("abcdefghijk")).toBe("repetitive");
    expect(check("9876543210")).toBe("repetitive");
    expect(check("ababababab")).toBe("repetitive");
  });

  it("may not contain the person's email address or name", () => {
    expect(check("ada.lovelace@example.org")).toBe("personal");
    expect(check("ada.lovelace2026")).toBe("personal");
    expect(check("adalovelace!!")).toBe("personal");
    expect(check("Ada Lovelace 1815")).toBe("personal");
  });

  it("accepts a few unrelated words, or a long mixed one", () => {
    expect(check("correct horse battery")).toBeUndefined();
    expect(check("dragon fruit on tuesdays")).toBeUndefined();
    expect(check("x7#Lq9!vR2")).toBeUndefined();
    expect(passwordProblem("a long enough password", {}, isCommon)).toBeUndefined();
  });
});
