import { describe, expect, it } from "vitest";
import { isHolding, isWritable, relationshipTransitionProblem } from "./status.js";

describe("relationship status", () => {
  it("lets a proposal be accepted or declined, and an active pair pause, resume and finish", () => {
    expect(relationshipTransitionProblem("proposed", "active")).toBeNull();
    expect(relationshipTransitionProblem("proposed", "declined")).toBeNull();
    expect(relationshipTransitionProblem("active", "paused")).toBeNull();
    expect(relationshipTransitionProblem("paused", "active")).toBeNull();
    expect(relationshipTransitionProblem("active", "completed")).toBeNull();
    expect(relationshipTransitionProblem("paused", "ended")).toBeNull();
  });

  it("refuses moves out of a final state and explains why", () => {
    expect(relationshipTransitionProblem("completed", "active")).toMatch(/cannot change/);
    expect(relationshipTransitionProblem("declined", "active")).toMatch(/declined/);
    expect(relationshipTransitionProblem("proposed", "paused")).toMatch(/proposed relationship cannot become paused/);
    expect(relationshipTransitionProblem("active", "active")).toMatch(/already active/);
  });

  it("counts only live pairs against capacity, and keeps a completed pair writable only when continuing", () => {
    expect(["proposed", "active", "paused"].every((s) => isHolding(s as never))).toBe(true);
    expect(isHolding("completed")).toBe(false);
    expect(isHolding("declined")).toBe(false);
    expect(isWritable("completed", false)).toBe(false);
    expect(isWritable("completed", true)).toBe(true);
    expect(isWritable("ended", true)).toBe(false);
    expect(isWritable("proposed", false)).toBe(false);
  });
});
