import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { PackedProblem } from "./problem.js";
import { solveMatching } from "./solve.js";

// Beasley's OR-Library assignment instances, kept outside the repository (see its README):
// ../shared/data/orlib beside the checkout, or wherever GROVE_ORLIB_DIR points. Missing data
// fails the test rather than skipping it, so a run that proves nothing cannot pass.
const dir = process.env.GROVE_ORLIB_DIR ?? fileURLToPath(new URL("../../../../shared/data/orlib", import.meta.url));

const KNOWN_OPTIMA: [file: string, n: number, optimalCost: number][] = [
  ["assign100.txt", 100, 305],
  ["assign200.txt", 200, 475],
  ["assign300.txt", 300, 626],
  ["assign400.txt", 400, 804],
  ["assign500.txt", 500, 991],
  ["assign600.txt", 600, 1176],
  ["assign700.txt", 700, 1362],
  ["assign800.txt", 800, 1552],
];

/** Cost matrix as a problem: rows are mentees, columns mentors of capacity 1, score = C - cost. */
function readInstance(file: string): { problem: PackedProblem; n: number; C: number } {
  const numbers = readFileSync(`${dir}/${file}`, "utf8").trim().split(/\s+/).map(Number);
  const n = numbers[0];
  const costs = numbers.slice(1);
  expect(costs).toHaveLength(n * n);
  const C = costs.reduce((a, b) => Math.max(a, b)) + 1;
  const edgeMentee = new Int32Array(n * n);
  const edgeMentor = new Int32Array(n * n);
  const edgeScore = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) {
    edgeMentee[i] = Math.floor(i / n);
    edgeMentor[i] = i % n;
    edgeScore[i] = C - costs[i];
  }
  return {
    n,
    C,
    problem: {
      menteeCount: n,
      mentorCapacity: new Int32Array(n).fill(1),
      edgeMentee,
      edgeMentor,
      edgeScore,
      locked: [],
      excluded: [],
    },
  };
}

describe("OR-Library assignment instances", () => {
  it("are there to check against", () => {
    expect(
      existsSync(dir),
      `The OR-Library instances are not at ${dir}. Put assign100.txt … assign800.txt there (J.E. Beasley's OR-Library, ` +
        "assignment problems) or set GROVE_ORLIB_DIR to their folder.",
    ).toBe(true);
  });

  it.each(KNOWN_OPTIMA)("%s (n = %i) reaches the known optimal cost %i", (file, size, optimalCost) => {
    const { problem, n, C } = readInstance(file);
    expect(n).toBe(size);
    for (const searchFrom of ["mentees", "mentors"] as const) {
      const solution = solveMatching(problem, { searchFrom });
      expect(solution.matched).toBe(n);
      expect(n * C - solution.totalScore).toBe(optimalCost);
    }
  });
});
