import { describe, expect, it } from "vitest";
import { type AlertStatus, applyAlertAction, effectiveState } from "./state.js";

const now = new Date("2027-04-01T10:00:00Z");
const day = (n: number) => new Date(now.getTime() + n * 86_400_000);
const open: AlertStatus = { state: "open", snoozedUntil: null };
const next = (from: AlertStatus, action: Parameters<typeof applyAlertAction>[1]) => {
  const r = applyAlertAction(from, action, now);
  if ("problem" in r) throw new Error(r.problem);
  return r.change;
};
const problem = (from: AlertStatus, action: Parameters<typeof applyAlertAction>[1]) => {
  const r = applyAlertAction(from, action, now);
  return "problem" in r ? r.problem : null;
};

describe("the alert state machine", () => {
  it("goes open → acknowledged → snoozed → resolved, with a resolution", () => {
    const ack = next(open, { type: "acknowledge" });
    expect(ack.state).toBe("acknowledged");
    const snoozed = next(ack, { type: "snooze", until: day(3) });
    expect(snoozed).toMatchObject({ state: "snoozed", snoozedUntil: day(3) });
    const resolved = next(snoozed, { type: "resolve", resolution: "  Talked to both; they meet Fridays now.  " });
    expect(resolved).toEqual({
      state: "resolved",
      snoozedUntil: null,
      resolution: "Talked to both; they meet Fridays now.",
      resolvedBy: "coordinator",
    });
  });

  it("needs a resolution in words, and a snooze date in the next 90 days", () => {
    expect(problem(open, { type: "resolve", resolution: "   " })).toBe("Say how it was resolved, in a few words.");
    expect(problem(open, { type: "snooze", until: day(-1) })).toBe("Snooze until a date in the future.");
    expect(problem(open, { type: "snooze", until: day(91) })).toBe("Snooze for at most 90 days.");
  });

  it("wakes a snoozed alert when its date comes, even before the job notices", () => {
    const snoozed = { state: "snoozed" as const, snoozedUntil: day(-0.01) };
    expect(effectiveState(snoozed, now)).toBe("open");
    expect(effectiveState({ state: "snoozed", snoozedUntil: day(1) }, now)).toBe("snoozed");
    expect(next({ state: "snoozed", snoozedUntil: day(1) }, { type: "wake" }).state).toBe("open");
  });

  it("resolves itself when the signal clears, saying so", () => {
    expect(next({ state: "acknowledged", snoozedUntil: null }, { type: "clear", reason: "Closed by itself: the pair met again." })).toEqual(
      {
        state: "resolved",
        snoozedUntil: null,
        resolution: "Closed by itself: the pair met again.",
        resolvedBy: "signal",
      },
    );
  });

  it("refuses moves that make no sense, and reopens a resolved alert", () => {
    const resolved: AlertStatus = { state: "resolved", snoozedUntil: null };
    expect(problem(resolved, { type: "acknowledge" })).toBe("A resolved alert cannot be acknowledged.");
    expect(problem(resolved, { type: "clear", reason: "x" })).toBe("A resolved alert cannot be cleared.");
    expect(problem({ state: "acknowledged", snoozedUntil: null }, { type: "acknowledge" })).toBe(
      "An acknowledged alert cannot be acknowledged.",
    );
    expect(problem(open, { type: "reopen" })).toBe("An open alert cannot be reopened.");
    expect(next(resolved, { type: "reopen" })).toEqual({ state: "open", snoozedUntil: null, resolution: null, resolvedBy: null });
  });
});
