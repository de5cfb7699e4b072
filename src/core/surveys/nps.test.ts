import { describe, expect, it } from "vitest";
import { npsOf } from "./nps.js";

describe("NPS", () => {
  it("is % promoters (9–10) minus % detractors (0–6), with n", () => {
    // 4 promoters, 3 passives, 3 detractors of 10: 40 − 30.
    expect(npsOf([10, 9, 9, 10, 7, 8, 7, 6, 0, 3])).toEqual({ n: 10, promoters: 4, passives: 3, detractors: 3, score: 10 });
  });

  it("has no score without answers, rather than a misleading 0", () => {
    expect(npsOf([])).toEqual({ n: 0, promoters: 0, passives: 0, detractors: 0, score: null });
  });

  it("is 0 when everyone is passive, 100 when everyone promotes, −100 when everyone detracts", () => {
    expect(npsOf([7, 8, 8, 7]).score).toBe(0);
    expect(npsOf([9, 10, 10]).score).toBe(100);
    expect(npsOf([0, 6, 5]).score).toBe(-100);
  });

  it("puts the boundaries where they belong: 6 detracts, 7 and 8 are passive, 9 promotes", () => {
    expect(npsOf([6])).toMatchObject({ detractors: 1, score: -100 });
    expect(npsOf([7])).toMatchObject({ passives: 1, score: 0 });
    expect(npsOf([8])).toMatchObject({ passives: 1, score: 0 });
    expect(npsOf([9])).toMatchObject({ promoters: 1, score: 100 });
  });

  it("rounds once, from the exact difference", () => {
    expect(npsOf([10, 7, 7]).score).toBe(33); // 33.3…
    expect(npsOf([10, 10, 7]).score).toBe(67); // 66.6…
    expect(npsOf([10, 0, 7, 7, 7, 7, 7, 7]).score).toBe(0);
    expect(npsOf([0, 7, 7]).score).toBe(-33);
  });
});
