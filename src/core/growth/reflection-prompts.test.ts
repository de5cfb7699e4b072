import { describe, expect, it } from "vitest";
import { defaultPhases } from "../programmes/phases.js";
import { programmeWeek, stageOf, weeklyPrompt } from "./reflection-prompts.js";

const phases = defaultPhases(12); // weeks 1–2, 3–10, 11–12

describe("weekly reflection prompts", () => {
  it("counts programme weeks from the term's first day", () => {
    expect(programmeWeek("2026-01-05", "2026-01-05")).toBe(1);
    expect(programmeWeek("2026-01-05", "2026-01-11")).toBe(1);
    expect(programmeWeek("2026-01-05", "2026-01-12")).toBe(2);
    expect(programmeWeek("2026-01-05", "2025-12-20")).toBe(1);
  });

  it("picks the set by the phase's place, not its name", () => {
    expect(stageOf(phases, 1).stage).toBe("start");
    expect(stageOf(phases, 5)).toEqual({ stage: "middle", phase: "Working on goals" });
    expect(stageOf(phases, 12).stage).toBe("close");
    const renamed = phases.map((p, i) => ({ ...p, name: `Part ${i + 1}` }));
    expect(stageOf(renamed, 12)).toEqual({ stage: "close", phase: "Part 3" });
    // After the term, and for programmes without phases, the middle set keeps going.
    expect(stageOf(phases, 20)).toEqual({ stage: "middle", phase: null });
    expect(stageOf([], 1).stage).toBe("middle");
  });

  it("rotates within a stage week by week", () => {
    const w3 = weeklyPrompt("2026-01-05", phases, "2026-01-19");
    const w4 = weeklyPrompt("2026-01-05", phases, "2026-01-26");
    expect(w3).toMatchObject({ week: 3, stage: "middle", phase: "Working on goals" });
    expect(w4.week).toBe(4);
    expect(w4.prompt).not.toBe(w3.prompt);
  });
});
