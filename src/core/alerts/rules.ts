import { daysSince, HEALTH_FLAGS, type HealthFlag, healthFlags, type PairFacts } from "../growth/pair-health.js";
import { plannedStates } from "../support/check-ins.js";
import { isDetractor } from "../surveys/nps.js";
import { addDays } from "../workspace/local-time.js";
import type { AlertType, SupportSettings } from "./settings.js";

/**
 * Each alert rule is a pure function over plain rows a job loaded: pairs with their
 * session counts, scores from attributed surveys, pending requests, logged check-ins,
 * survey invitations. Rows carry ids, dates, counts and scores — never what a pair wrote,
 * so no rule can put pair content into an alert. A rule returns the signals present now;
 * each signal's key names the episode, so the same problem is one alert however often
 * the job runs.
 */
export type Side = "mentee" | "mentor";

export type PairRow = PairFacts & {
  id: string;
  menteeUserId: string;
  mentorUserId: string;
  createdAt: Date;
  mentorAccepted: boolean;
  menteeAccepted: boolean;
};

/** A score from an attributed survey: the pulse rating or the recommend (NPS) score. */
export type ScoreRow = {
  relationshipId: string | null;
  userId: string;
  kind: "pulse" | "nps";
  score: number;
  submittedAt: Date;
  week: number | null;
};
export type RequestRow = { id: string; createdAt: Date; menteeUserId: string; mentorUserId: string };
export type CheckInRow = { relationshipId: string; happenedOn: string; followUpOn: string | null };
export type InvitationRow = { userId: string; relationshipId: string | null; closesAt: Date; answeredAt: Date | null };
/** A coaching engagement near or past its close, with outcomes still lacking a final measurement. */
/** `unmeasured` is 0 when no outcomes were agreed at all — at risk all the same. */
export type ClosingEngagementRow = { relationshipId: string; closesOn: string; unmeasured: number };

export type SignalInput = {
  term: { termStart: string; termEnd: string };
  pairs: PairRow[];
  scores: ScoreRow[];
  /** Pending self-match requests. */
  requests: RequestRow[];
  checkIns: CheckInRow[];
  invitations: InvitationRow[];
  closingEngagements: ClosingEngagementRow[];
};

export type AlertDetail = {
  days?: number;
  score?: number;
  week?: number | null;
  count?: number;
  missed?: number;
  dueOn?: string;
  followUpOn?: string;
  side?: Side;
  waitingFor?: Side | "both";
};

export type Signal = {
  key: string;
  type: AlertType;
  relationshipId: string | null;
  menteeUserId: string | null;
  mentorUserId: string | null;
  detail: AlertDetail;
};

const LIVE = new Set(["active", "paused"]);

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

const pairSignal = (p: PairRow, type: AlertType, key: string, detail: AlertDetail): Signal => ({
  key,
  type,
  relationshipId: p.id,
  menteeUserId: p.menteeUserId,
  mentorUserId: p.mentorUserId,
  detail,
});

const sideOf = (p: PairRow | undefined, userId: string): Side | undefined =>
  p ? (p.menteeUserId === userId ? "mentee" : p.mentorUserId === userId ? "mentor" : undefined) : undefined;

/** The pair-health flags of every meeting pair, with the programme's quiet-days threshold. */
export function healthSignals(input: SignalInput, s: SupportSettings, now: Date): Signal[] {
  const out: Signal[] = [];
  for (const p of input.pairs) {
    for (const flag of healthFlags(p, now, s.quietDays)) {
      const detail: AlertDetail =
        flag === "no_session_14_days"
          ? { days: daysSince(p.lastSessionAt ?? p.startedAt, now) ?? 0 }
          : flag === "missed_sessions"
            ? { missed: p.sessionsMissed }
            : flag === "plan_not_acknowledged"
              ? { days: daysSince(p.startedAt, now) ?? 0 }
              : {};
      out.push(pairSignal(p, flag, `${flag}:${p.id}`, detail));
    }
  }
  return out;
}

/** The latest score of each person in each pair, of one kind. */
function latestScores(scores: readonly ScoreRow[], kind: ScoreRow["kind"]) {
  const latest = new Map<string, ScoreRow>();
  for (const r of scores) {
    if (r.kind !== kind) continue;
    const key = `${r.relationshipId ?? "-"}:${r.userId}`;
    const seen = latest.get(key);
    if (!seen || seen.submittedAt.getTime() < r.submittedAt.getTime()) latest.set(key, r);
  }
  return latest;
}

const pairsById = (input: SignalInput) => new Map(input.pairs.map((p) => [p.id, p]));

/** A person whose latest pulse in a pair still meeting is at or below the threshold. */
export function lowPulseSignals(input: SignalInput, s: SupportSettings): Signal[] {
  const pairs = pairsById(input);
  const out: Signal[] = [];
  for (const [key, r] of latestScores(input.scores, "pulse")) {
    const p = r.relationshipId ? pairs.get(r.relationshipId) : undefined;
    if (!p || !LIVE.has(p.status) || r.score > s.lowPulseMax) continue;
    out.push(pairSignal(p, "low_pulse", `low_pulse:${key}`, { score: r.score, week: r.week, side: sideOf(p, r.userId) }));
  }
  return out;
}

/** A person whose latest recommend score is a detractor's (0–6). */
export function detractorSignals(input: SignalInput): Signal[] {
  const pairs = pairsById(input);
  const out: Signal[] = [];
  for (const [key, r] of latestScores(input.scores, "nps")) {
    if (!isDetractor(r.score)) continue;
    const p = r.relationshipId ? pairs.get(r.relationshipId) : undefined;
    if (p?.status === "declined") continue;
    out.push({
      key: `detractor:${key}`,
      type: "detractor",
      relationshipId: p?.id ?? null,
      menteeUserId: p?.menteeUserId ?? (p ? null : r.userId),
      mentorUserId: p?.mentorUserId ?? null,
      detail: { score: r.score, side: sideOf(p, r.userId) },
    });
  }
  return out;
}

/** A published proposal that neither or one side has accepted after N days. */
export function proposalSignals(input: SignalInput, s: SupportSettings, now: Date): Signal[] {
  return input.pairs
    .filter((p) => p.status === "proposed" && now.getTime() - p.createdAt.getTime() >= s.proposalWaitDays * DAY)
    .map((p) =>
      pairSignal(p, "proposal_not_accepted", `proposal_not_accepted:${p.id}`, {
        days: daysSince(p.createdAt, now) ?? 0,
        waitingFor: !p.mentorAccepted && !p.menteeAccepted ? "both" : p.mentorAccepted ? "mentee" : "mentor",
      }),
    );
}

/** A self-match request the mentor has not answered after N days. */
export function requestSignals(input: SignalInput, s: SupportSettings, now: Date): Signal[] {
  return input.requests
    .filter((r) => now.getTime() - r.createdAt.getTime() >= s.requestWaitDays * DAY)
    .map((r) => ({
      key: `request_unanswered:${r.id}`,
      type: "request_unanswered" as const,
      relationshipId: null,
      menteeUserId: r.menteeUserId,
      mentorUserId: r.mentorUserId,
      detail: { days: daysSince(r.createdAt, now) ?? 0 },
    }));
}

/**
 * A meeting pair whose planned check-in week ended (plus the grace days) with no check-in
 * logged since the week before it, or whose last check-in's follow-up date passed with
 * nothing logged after it. One alert per pair, naming the latest thing overdue.
 */
export function checkInSignals(input: SignalInput, s: SupportSettings, now: Date): Signal[] {
  const today = isoDay(now);
  const byPair = groupBy(input.checkIns, (c) => c.relationshipId);
  const out: Signal[] = [];
  for (const p of input.pairs) {
    if (!LIVE.has(p.status) || !p.startedAt) continue;
    const logged = (byPair.get(p.id) ?? []).sort((a, b) => a.happenedOn.localeCompare(b.happenedOn));
    const states = plannedStates(
      s.checkInPlan,
      input.term.termStart,
      { startedOn: isoDay(p.startedAt) },
      logged.map((c, i) => ({ id: String(i), happenedOn: c.happenedOn })),
      s.checkInGraceDays,
      today,
    );
    const late = states.filter((x) => x.state === "overdue").at(-1);
    let overdue: AlertDetail | null = late ? { week: late.week, dueOn: late.dueOn } : null;
    const last = logged.at(-1);
    if (last?.followUpOn && today > last.followUpOn) overdue = { ...overdue, followUpOn: last.followUpOn };
    if (overdue) out.push(pairSignal(p, "check_in_overdue", `check_in_overdue:${p.id}`, overdue));
  }
  return out;
}

/** A person whose last N closed survey invitations all went unanswered, with nothing answered since. */
export function unansweredSurveySignals(input: SignalInput, s: SupportSettings, now: Date): Signal[] {
  const pairs = pairsById(input);
  const byUser = groupBy(input.invitations, (i) => i.userId);
  const out: Signal[] = [];
  for (const [userId, invitations] of byUser) {
    const sorted = invitations.sort((a, b) => a.closesAt.getTime() - b.closesAt.getTime());
    const closed = sorted.filter((i) => i.closesAt.getTime() <= now.getTime());
    if (closed.length < s.unansweredSurveys) continue;
    const streak = closed.slice(-s.unansweredSurveys);
    const from = streak[0].closesAt.getTime();
    if (sorted.some((i) => i.closesAt.getTime() >= from && i.answeredAt)) continue;
    const latest = streak.at(-1) as InvitationRow;
    const p = latest.relationshipId ? pairs.get(latest.relationshipId) : undefined;
    if (latest.relationshipId && (!p || !LIVE.has(p.status))) continue;
    out.push({
      key: `survey_unanswered:${userId}`,
      type: "survey_unanswered",
      relationshipId: p?.id ?? null,
      menteeUserId: p?.menteeUserId ?? (p ? null : userId),
      mentorUserId: p?.mentorUserId ?? null,
      detail: { count: streak.length, side: sideOf(p, userId) },
    });
  }
  return out;
}

/**
 * A coaching engagement that the coaching rules call at risk of closing unmeasured
 * (src/core/coaching/at-risk.ts: closing, or its last session or last two weeks, with
 * outcomes lacking a final value or none agreed). The loader passes only those; this rule
 * adds no window of its own, so the coordinator's coaching overview and the queue agree.
 */
export function outcomesSignals(input: SignalInput): Signal[] {
  const pairs = pairsById(input);
  return input.closingEngagements.flatMap((e) => {
    const p = pairs.get(e.relationshipId);
    if (!p || !LIVE.has(p.status)) return [];
    return [pairSignal(p, "outcomes_unmeasured", `outcomes_unmeasured:${p.id}`, { count: e.unmeasured, dueOn: e.closesOn })];
  });
}

/** Every signal present now, leaving out the types the programme switched off. */
export function evaluateSignals(input: SignalInput, s: SupportSettings, now: Date): Signal[] {
  const all = [
    ...healthSignals(input, s, now),
    ...lowPulseSignals(input, s),
    ...detractorSignals(input),
    ...proposalSignals(input, s, now),
    ...requestSignals(input, s, now),
    ...checkInSignals(input, s, now),
    ...unansweredSurveySignals(input, s, now),
    ...outcomesSignals(input),
  ];
  const muted = new Set<AlertType>(s.mutedAlerts);
  return muted.size ? all.filter((x) => !muted.has(x.type)) : all;
}

export const isHealthType = (t: AlertType): t is HealthFlag => (HEALTH_FLAGS as readonly string[]).includes(t);
