import { describe, expect, it } from "vitest";
import { clearedReason, type ExistingAlert, planAlertChanges } from "./plan-changes.js";
import { evaluateSignals, type PairRow, type SignalInput } from "./rules.js";
import { defaultSupportSettings } from "./settings.js";

const term = { termStart: "2027-01-04", termEnd: "2027-03-28" };
const settings = defaultSupportSettings(term);
const DAY = 86_400_000;
const now = new Date("2027-02-10T12:00:00Z"); // a Wednesday in week 6
const ago = (days: number) => new Date(now.getTime() - days * DAY);

const pair = (id: string, over: Partial<PairRow> = {}): PairRow => ({
  id,
  menteeUserId: `${id}-mentee`,
  mentorUserId: `${id}-mentor`,
  status: "active",
  createdAt: ago(40),
  startedAt: ago(38),
  mentorAccepted: true,
  menteeAccepted: true,
  sessionsHeld: 4,
  sessionsMissed: 0,
  lastSessionAt: ago(3),
  nextSessionAt: null,
  nextSessionHasAgenda: false,
  planAcknowledged: true,
  ...over,
});

const input = (over: Partial<SignalInput> = {}): SignalInput => ({
  term,
  pairs: [],
  scores: [],
  requests: [],
  checkIns: [],
  invitations: [],
  closingEngagements: [],
  ...over,
});

// A healthy pair with its week 2 and week 6 check-ins logged raises nothing.
const checkedIn = (id: string) => [
  { relationshipId: id, happenedOn: "2027-01-13", followUpOn: null },
  { relationshipId: id, happenedOn: "2027-02-09", followUpOn: null },
];

const types = (i: SignalInput, n = now) => evaluateSignals(i, settings, n).map((s) => s.type);

describe("alert rules: each fires, and stops when its signal clears", () => {
  it("a healthy pair raises nothing", () => {
    expect(types(input({ pairs: [pair("a")], checkIns: checkedIn("a") }))).toEqual([]);
  });

  it("no session for the programme's quiet days (the health flag), until the pair meets", () => {
    const quiet = input({ pairs: [pair("a", { lastSessionAt: ago(15) })], checkIns: checkedIn("a") });
    const [signal] = evaluateSignals(quiet, settings, now);
    expect(signal).toMatchObject({ key: "no_session_14_days:a", type: "no_session_14_days", relationshipId: "a", detail: { days: 15 } });
    expect(types(quiet, now)).toEqual(["no_session_14_days"]);
    expect(evaluateSignals(quiet, { ...settings, quietDays: 21 }, now)).toEqual([]);
    expect(types(input({ pairs: [pair("a", { lastSessionAt: ago(1) })], checkIns: checkedIn("a") }))).toEqual([]);
  });

  it("the other health flags: agenda missing, missed sessions, plan not agreed", () => {
    const p = pair("a", { nextSessionAt: new Date(now.getTime() + DAY), sessionsMissed: 2, planAcknowledged: false });
    const all = { ...settings, mutedAlerts: [] };
    expect(
      evaluateSignals(input({ pairs: [p], checkIns: checkedIn("a") }), all, now)
        .map((s) => s.type)
        .sort(),
    ).toEqual(["missed_sessions", "no_agenda_next_session", "plan_not_acknowledged"]);
    // The agenda flag is off by default: the mentee's own reminder covers it.
    expect(types(input({ pairs: [p], checkIns: checkedIn("a") })).sort()).toEqual(["missed_sessions", "plan_not_acknowledged"]);
    expect(evaluateSignals(input({ pairs: [{ ...p, status: "paused" }], checkIns: checkedIn("a") }), all, now)).toEqual([]);
  });

  it("a low pulse (≤ 2 of 5) from either side, until their next pulse is better", () => {
    const low = { relationshipId: "a", userId: "a-mentee", kind: "pulse" as const, score: 2, submittedAt: ago(2), week: 6 };
    const i = input({ pairs: [pair("a")], checkIns: checkedIn("a"), scores: [low] });
    expect(evaluateSignals(i, settings, now)).toEqual([
      {
        key: "low_pulse:a:a-mentee",
        type: "low_pulse",
        relationshipId: "a",
        menteeUserId: "a-mentee",
        mentorUserId: "a-mentor",
        detail: { score: 2, week: 6, side: "mentee" },
      },
    ]);
    expect(types({ ...i, scores: [{ ...low, score: 3 }] })).toEqual([]);
    expect(types({ ...i, scores: [low, { ...low, score: 4, submittedAt: ago(1) }] })).toEqual([]);
    expect(evaluateSignals({ ...i, scores: [{ ...low, score: 3 }] }, { ...settings, lowPulseMax: 3 }, now)).toHaveLength(1);
  });

  it("a detractor's recommend score (0–6), until a later one is not", () => {
    const nps = { relationshipId: "a", userId: "a-mentor", kind: "nps" as const, score: 6, submittedAt: ago(1), week: 12 };
    const i = input({ pairs: [pair("a", { status: "completed" })], scores: [nps] });
    expect(evaluateSignals(i, settings, now)[0]).toMatchObject({ type: "detractor", detail: { score: 6, side: "mentor" } });
    expect(types({ ...i, scores: [{ ...nps, score: 7 }] })).toEqual([]);
  });

  it("a proposal not accepted after N days, until it is", () => {
    const p = pair("a", { status: "proposed", createdAt: ago(6), startedAt: null, mentorAccepted: false, menteeAccepted: true });
    expect(evaluateSignals(input({ pairs: [p] }), settings, now)[0]).toMatchObject({
      type: "proposal_not_accepted",
      detail: { days: 6, waitingFor: "mentor" },
    });
    expect(types(input({ pairs: [{ ...p, createdAt: ago(4) }] }))).toEqual([]);
    expect(types(input({ pairs: [{ ...p, status: "declined" }] }))).toEqual([]);
  });

  it("a self-match request unanswered after N days, until it is answered", () => {
    const req = { id: "r1", createdAt: ago(3), menteeUserId: "m", mentorUserId: "t" };
    expect(evaluateSignals(input({ requests: [req] }), settings, now)[0]).toMatchObject({
      key: "request_unanswered:r1",
      relationshipId: null,
      menteeUserId: "m",
      mentorUserId: "t",
      detail: { days: 3 },
    });
    expect(types(input({ requests: [] }))).toEqual([]);
  });

  it("a planned check-in overdue after its week and the grace days, until one is logged", () => {
    // Week 2 ran 11–17 January; with 3 grace days it is overdue from 21 January.
    const only6 = input({ pairs: [pair("a")], checkIns: [checkedIn("a")[1]] });
    expect(types(only6, new Date("2027-01-20T12:00:00Z"))).toEqual([]);
    const overdue = evaluateSignals(input({ pairs: [pair("a")] }), settings, new Date("2027-01-21T12:00:00Z"));
    expect(overdue[0]).toMatchObject({ key: "check_in_overdue:a", detail: { week: 2, dueOn: "2027-01-20" } });
    const logged = input({ pairs: [pair("a")], checkIns: [{ relationshipId: "a", happenedOn: "2027-01-21", followUpOn: null }] });
    expect(types(logged, new Date("2027-01-22T12:00:00Z"))).toEqual([]);
  });

  it("a pair that started after a planned week is not chased for it", () => {
    const late = pair("a", { startedAt: new Date("2027-01-25T09:00:00Z") });
    expect(types(input({ pairs: [late] }), new Date("2027-01-28T12:00:00Z"))).toEqual([]);
  });

  it("a follow-up date passed with nothing logged after it", () => {
    const c = [...checkedIn("a").slice(0, 1), { relationshipId: "a", happenedOn: "2027-02-02", followUpOn: "2027-02-08" }];
    expect(evaluateSignals(input({ pairs: [pair("a")], checkIns: c }), settings, now)[0]).toMatchObject({
      type: "check_in_overdue",
      detail: { followUpOn: "2027-02-08" },
    });
  });

  it("two surveys in a row unanswered, until the person answers one", () => {
    const inv = (closedDaysAgo: number, answered = false) => ({
      userId: "a-mentee",
      relationshipId: "a",
      closesAt: ago(closedDaysAgo),
      answeredAt: answered ? ago(closedDaysAgo + 1) : null,
    });
    const base = { pairs: [pair("a")], checkIns: checkedIn("a") };
    expect(evaluateSignals(input({ ...base, invitations: [inv(20, true), inv(14), inv(1)] }), settings, now)[0]).toMatchObject({
      key: "survey_unanswered:a-mentee",
      detail: { count: 2, side: "mentee" },
    });
    expect(types(input({ ...base, invitations: [inv(14), inv(1, true)] }))).toEqual([]);
    expect(types(input({ ...base, invitations: [inv(14), inv(1), inv(-5, true)] }))).toEqual([]); // answered the open one
    expect(types(input({ ...base, invitations: [inv(14)] }))).toEqual([]);
  });

  it("a coaching engagement the coaching rules call at risk of closing unmeasured", () => {
    const i = input({
      pairs: [pair("a")],
      checkIns: checkedIn("a"),
      closingEngagements: [{ relationshipId: "a", closesOn: "2027-02-15", unmeasured: 2 }],
    });
    expect(evaluateSignals(i, settings, now)[0]).toMatchObject({ type: "outcomes_unmeasured", detail: { count: 2, dueOn: "2027-02-15" } });
    // None agreed at all is as much at risk as two missing finals.
    expect(types({ ...i, closingEngagements: [{ relationshipId: "a", closesOn: "2027-03-15", unmeasured: 0 }] })).toEqual([
      "outcomes_unmeasured",
    ]);
    // A pair that is no longer live raises nothing.
    expect(types({ ...i, pairs: [pair("a", { status: "completed" })] })).toEqual([]);
  });

  it("leaves out the types a programme switched off", () => {
    const quiet = input({ pairs: [pair("a", { lastSessionAt: ago(20) })], checkIns: checkedIn("a") });
    expect(evaluateSignals(quiet, { ...settings, mutedAlerts: ["no_session_14_days"] }, now)).toEqual([]);
  });
});

describe("planning the queue's changes", () => {
  const signal = evaluateSignals(input({ pairs: [pair("a", { lastSessionAt: ago(15) })], checkIns: checkedIn("a") }), settings, now);
  const alert = (over: Partial<ExistingAlert>): ExistingAlert => ({
    id: "x",
    key: "no_session_14_days:a",
    type: "no_session_14_days",
    relationshipId: "a",
    state: "open",
    snoozedUntil: null,
    signalGoneAt: null,
    ...over,
  });
  const status = new Map([["a", "active" as const]]);

  it("raises a new signal once, then refreshes the same alert", () => {
    expect(planAlertChanges([], signal, status, 2, now).raise).toHaveLength(1);
    const again = planAlertChanges([alert({})], signal, status, 2, now);
    expect(again).toEqual({ raise: [], refresh: [{ id: "x", detail: { days: 15 } }], clear: [], wake: [], markGone: [] });
  });

  it("clears an alert whose signal has gone, saying why", () => {
    expect(planAlertChanges([alert({ state: "acknowledged" })], [], status, 2, now).clear).toEqual([
      { id: "x", reason: "Closed by itself: the pair met again." },
    ]);
    expect(planAlertChanges([alert({})], [], new Map([["a", "ended" as const]]), 2, now).clear[0].reason).toBe(
      "Closed by itself: the pair has ended.",
    );
  });

  it("does not raise again an episode a coordinator resolved while it lasted; does once it cleared and came back", () => {
    const handled = alert({ state: "resolved" });
    expect(planAlertChanges([handled], signal, status, 2, now).raise).toEqual([]);
    expect(planAlertChanges([handled], [], status, 2, now).markGone).toEqual(["x"]);
    expect(planAlertChanges([{ ...handled, signalGoneAt: ago(1) }], signal, status, 2, now).raise).toHaveLength(1);
  });

  it("wakes a snoozed alert whose date has come", () => {
    expect(planAlertChanges([alert({ state: "snoozed", snoozedUntil: ago(0.1) })], signal, status, 2, now).wake).toEqual(["x"]);
    expect(
      planAlertChanges([alert({ state: "snoozed", snoozedUntil: new Date(now.getTime() + DAY) })], signal, status, 2, now).wake,
    ).toEqual([]);
  });

  it("words every self-resolution", () => {
    expect(clearedReason("low_pulse", "active", 2)).toBe("Closed by itself: their latest pulse is above 2 of 5.");
    expect(clearedReason("proposal_not_accepted", "active")).toBe("Closed by itself: both accepted the proposal.");
    expect(clearedReason("proposal_not_accepted", "declined")).toBe("Closed by itself: the proposal was declined.");
  });
});
