import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanUpGroves, runGrove } from "../../server/test-support/spawn-grove.js";
import { runMatchSolve } from "./match-solve.js";

const example = JSON.stringify({
  mentees: ["e1", "e2", "e3"],
  mentors: [
    { id: "m1", capacity: 1 },
    { id: "m2", capacity: 1 },
  ],
  edges: [
    [0, 0, 87.5],
    [1, 0, 90],
    [1, 1, 12],
  ],
});

describe("runMatchSolve", () => {
  it("prints the JSON result with ids, scores and unmatched mentees", () => {
    let t = 0;
    const out = runMatchSolve(example, { json: true }, () => (t += 2.5));
    expect(out.exitCode).toBe(0);
    expect(out.stderr).toBe("");
    expect(JSON.parse(out.stdout)).toEqual({
      matched: 2,
      totalScore: 99.5,
      assignments: [
        { mentee: "e1", mentor: "m1", score: 87.5 },
        { mentee: "e2", mentor: "m2", score: 12 },
      ],
      unmatched: ["e3"],
      millis: 2.5,
    });
  });

  it("prints a short human summary without --json", () => {
    const out = runMatchSolve(example, {}, () => 0);
    expect(out.stdout).toBe("Matched 2 of 3 mentees, total score 99.5 (0 ms).\n  e1 -> m1 (87.5)\n  e2 -> m2 (12)\nUnmatched: e3\n");
  });

  it("lists every problem of a malformed file on stderr and exits 1", () => {
    const bad = JSON.stringify({
      mentees: ["e1"],
      mentors: [{ id: "m1", capacity: -2 }],
      edges: [[0, 0, 1]],
    });
    const out = runMatchSolve(bad, { source: "bad.json" });
    expect(out).toEqual({
      stdout: "",
      stderr: "grove match solve: bad.json is not a valid problem:\n  - mentors[0].capacity must be an integer >= 0, got -2\n",
      exitCode: 1,
    });
    const notJson = runMatchSolve("mentees: e1", { source: "x.json" });
    expect(notJson.exitCode).toBe(1);
    expect(notJson.stderr).toMatch(/^grove match solve: x\.json is not a valid problem:\n {2}- not valid JSON: /);
  });
});

describe("grove match solve (child process)", () => {
  const dir = mkdtempSync(join(tmpdir(), "grove-match-"));
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await cleanUpGroves();
  });
  /** The real `grove` command, from the compiled build. */
  const run = async (...args: string[]) => {
    const res = await runGrove(args);
    return { status: res.code, stdout: res.stdout, stderr: res.stderr };
  };

  it("solves a file end to end", async () => {
    const file = join(dir, "problem.json");
    writeFileSync(file, example);
    const result = await run("match", "solve", file, "--json");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).matched).toBe(2);
  });

  it("fails with a message and exit code 1 on a duplicate edge or a missing file", async () => {
    const file = join(dir, "duplicate.json");
    writeFileSync(
      file,
      JSON.stringify({
        mentees: ["a"],
        mentors: [{ id: "m", capacity: 1 }],
        edges: [
          [0, 0, 1],
          [0, 0, 2],
        ],
      }),
    );
    const duplicate = await run("match", "solve", file);
    expect(duplicate.status).toBe(1);
    expect(duplicate.stderr).toContain("edges[1] repeats the pair (0, 0) already given at edges[0]");
    const missing = await run("match", "solve", join(dir, "nope.json"));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/cannot read .*nope\.json/);
  });
});
