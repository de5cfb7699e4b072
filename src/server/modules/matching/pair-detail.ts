import { and, count, eq } from "drizzle-orm";
import { type AvailabilityWindow, type Question, type SkillAnswer, WEEKDAYS } from "../../../core/intake/questions.js";
import { GROWTH_AREAS } from "../../../core/matching/profile.js";
import { offsetDistance, type PreparedProfile, weeklyOverlapMinutes } from "../../../core/matching/scoring.js";
import type { Executor } from "../../platform/db.js";
import { notFound } from "../../platform/errors.js";
import { findForm, findFormVersion } from "../intake/repository.js";
import type { ProgrammeRow } from "../programmes/repository.js";
import { type PersonRow, pairJudge, peopleOf } from "./assess-pair.js";
import { absentMentor } from "./check-locks.js";
import { rolesOf } from "./pool.js";
import { findRound } from "./read-round.js";
import { matchMentorStats, matchPairs, matchUnmatched } from "./tables.js";

const AREA_WORDS = { technical: "technical skills", career: "career development", personal: "personal development" } as const;
const WEEK = 7 * 24 * 60;
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
const dayWord = (d: string) => d.charAt(0).toUpperCase() + d.slice(1);

/**
 * A mentee and a mentor side by side, as a coordinator reviewing a draft needs them: both
 * intake forms in their own words, and what the two have in common marked on each side.
 * Without a mentor given, the mentee's pair in the round; with one, a "what if" for any
 * mentor of the programme, saying which rules (if any) the pair would break.
 */
export async function pairDetail(db: Executor, programme: ProgrammeRow, roundId: string, menteeId: string, askedMentorId?: string) {
  const round = await findRound(db, programme.id, roundId);
  const [pair] = await db
    .select()
    .from(matchPairs)
    .where(and(eq(matchPairs.roundId, round.id), eq(matchPairs.menteeEnrolmentId, menteeId)));
  const [unmatched] = pair
    ? []
    : await db
        .select()
        .from(matchUnmatched)
        .where(and(eq(matchUnmatched.roundId, round.id), eq(matchUnmatched.menteeEnrolmentId, menteeId)));
  if (!pair && !unmatched) throw notFound("That mentee in this round");
  const mentorId = askedMentorId ?? pair?.mentorEnrolmentId;
  const people = await peopleOf(db, programme.id, mentorId ? [menteeId, mentorId] : [menteeId]);
  const mentee = people.get(menteeId);
  const mentor = mentorId ? people.get(mentorId) : undefined;
  if (!mentee || (mentorId && !mentor)) throw notFound("That mentor");
  const judge = await pairJudge(db, programme, round.settings);
  const roles = rolesOf(programme);
  const menteeSide = await sideOf(db, programme.id, mentee, null);
  if (!mentor) {
    return {
      roundId: round.id,
      mentee: { ...menteeSide, ...marks(judge.profileOf(mentee), undefined) },
      mentor: null,
      inRound: false,
      locked: false,
      manual: false,
      allowed: false,
      blockedBy: [],
      score: null,
      factors: [],
      reasons: [],
      overlaps: { skills: [], languages: [], areas: [], interests: [], availabilityMinutesPerWeek: 0, timeZoneHoursApart: 0 },
      unmatchedReason: unmatched?.reason ?? null,
    };
  }
  const inRound = pair !== undefined && pair.mentorEnrolmentId === mentor.id;
  const assessed = judge.assess(mentee, mentor);
  const [stats] = await db
    .select()
    .from(matchMentorStats)
    .where(and(eq(matchMentorStats.roundId, round.id), eq(matchMentorStats.mentorEnrolmentId, mentor.id)));
  const blockedBy = [...assessed.problems];
  if (!stats && !inRound) blockedBy.unshift(absentMentor(mentor, roles, `${mentee.name} and ${mentor.name}`));
  const [{ n: assigned }] = await db
    .select({ n: count() })
    .from(matchPairs)
    .where(and(eq(matchPairs.roundId, round.id), eq(matchPairs.mentorEnrolmentId, mentor.id)));
  const e = assessed.preparedMentee;
  const m = assessed.preparedMentor;
  const sharedSkills = e.skillList.filter((s) => m.skills.has(s.canonical)).map((s) => s.name);
  return {
    roundId: round.id,
    mentee: { ...menteeSide, ...marks(assessed.menteeProfile, { self: e, other: m, sought: true }) },
    mentor: {
      ...(await sideOf(db, programme.id, mentor, Number(assigned))),
      ...marks(assessed.mentorProfile, { self: m, other: e, sought: false }),
    },
    inRound,
    locked: inRound ? pair.locked : false,
    manual: inRound ? pair.manual : false,
    allowed: blockedBy.length === 0,
    blockedBy,
    score: inRound ? pair.score : assessed.score,
    factors: inRound ? pair.factors : assessed.factors,
    reasons: inRound ? pair.reasons : assessed.reasons,
    overlaps: {
      skills: sharedSkills,
      languages: [...e.languages].filter((l) => m.languages.has(l)),
      areas: GROWTH_AREAS.filter((_, i) => e.areasSought & m.areasOffered & (1 << i)).map((a) => AREA_WORDS[a]),
      interests: [...e.interests].filter((x) => m.interests.has(x)),
      availabilityMinutesPerWeek: Math.round(weeklyOverlapMinutes(e, m)),
      timeZoneHoursApart: offsetDistance(e.profile.utcOffsetMinutes, m.profile.utcOffsetMinutes) / 60,
    },
    unmatchedReason: inRound ? null : (unmatched?.reason ?? null),
  };
}

/** The person, their role, and every answered question as the form they answered words it. */
async function sideOf(db: Executor, programmeId: string, p: PersonRow, assignedInRound: number | null) {
  const role = p.role as Parameters<typeof findForm>[2];
  const questions =
    (p.formVersion ? await findFormVersion(db, programmeId, role, p.formVersion) : undefined) ??
    (await findForm(db, programmeId, role))?.questions ??
    [];
  return {
    person: { enrolmentId: p.id, name: p.name, email: p.email },
    role: p.role,
    answers: questions.flatMap((q) => {
      const value = answerText(q, p.answers[q.key]);
      return value ? [{ key: q.key, label: q.label, value }] : [];
    }),
    timezone: typeof p.answers.timezone === "string" ? p.answers.timezone : "UTC",
    capacity: assignedInRound === null ? null : (p.capacity ?? 0),
    assignedInRound,
  };
}

function answerText(q: Question, value: unknown): string {
  if (value === undefined || value === null || value === "") return "";
  if (q.kind === "skills" && Array.isArray(value)) return (value as SkillAnswer[]).map((s) => `${s.name} (${s.level})`).join(", ");
  if (q.kind === "availability" && Array.isArray(value))
    return (value as AvailabilityWindow[]).map((w) => `${dayWord(w.day)} ${w.start}–${w.end}`).join(", ");
  if (Array.isArray(value)) return value.join(", ");
  return String(value);
}

type Against = { self: PreparedProfile; other: PreparedProfile; sought: boolean };

/** Skills, areas, languages, interests and availability of one side, each marked where the other side meets it. */
function marks(profile: PreparedProfile["profile"], against: Against | undefined) {
  const self = against?.self;
  const other = against?.other;
  const lower = (x: string) => x.trim().toLowerCase();
  const areas = against?.sought ? profile.areasSought : profile.areasOffered;
  const otherAreas = other ? (against.sought ? other.areasOffered : other.areasSought) : 0;
  return {
    skills: profile.skills.map((s) => {
      const mine = self?.skillList.find((x) => x.name === s.name);
      const match =
        mine && other
          ? other.skills.has(mine.canonical)
            ? "skill"
            : mine.family && other.families.has(mine.family)
              ? "family"
              : null
          : null;
      return { name: s.name, level: s.level, match: match as "skill" | "family" | null };
    }),
    areas: (areas.length ? areas : profile.areasOffered.length ? profile.areasOffered : profile.areasSought).map((a) => ({
      name: AREA_WORDS[a],
      shared: Boolean(otherAreas & (1 << GROWTH_AREAS.indexOf(a))),
    })),
    languages: profile.languages.map((l) => ({ name: l, shared: other?.languages.has(lower(l)) ?? false })),
    interests: profile.interests.map((x) => ({ name: x, shared: other?.interests.has(lower(x)) ?? false })),
    utcOffsetMinutes: profile.utcOffsetMinutes,
    yearsExperience: profile.yearsExperience,
    availability: profile.availability.map((w) => ({
      day: WEEKDAYS[w.day],
      start: hhmm(w.start),
      end: hhmm(w.end),
      overlapMinutes: other ? Math.round(windowOverlap(w.day, w.start, w.end, profile.utcOffsetMinutes, other.weekUtc)) : 0,
    })),
  };
}

/** Minutes of one local weekly window that fall inside the other person's (UTC, merged) week. */
function windowOverlap(day: number, start: number, end: number, offset: number, otherWeek: [number, number][]) {
  if (!(end > start)) return 0;
  const from = (((day * 24 * 60 + start - offset) % WEEK) + WEEK) % WEEK;
  const to = from + (end - start);
  const pieces: [number, number][] =
    to <= WEEK
      ? [[from, to]]
      : [
          [from, WEEK],
          [0, to - WEEK],
        ];
  let total = 0;
  for (const [a, b] of pieces) for (const [c, d] of otherWeek) total += Math.max(0, Math.min(b, d) - Math.max(a, c));
  return total;
}
