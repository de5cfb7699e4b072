import type { Measure, RaterGroup } from "../coaching/outcomes.js";
import type { Answers } from "../intake/questions.js";

/**
 * The coaching demo: five professional coaches, twenty coachees and their sponsors, and an
 * engagement at every stage — waiting for a coach, contracting, under way with
 * measurements, closing with finals missing, and completed with targets met and missed.
 * Written out by hand rather than generated: each engagement is there to show something.
 * Every person is fictional and uses an example.org address.
 */
export type DemoCoach = {
  email: string;
  name: string;
  answers: Answers;
  capacity: number;
  profile: { credentials: { body: string; level: string; year: number }[]; approach: string; bio: string; timeZones: string[] };
};
export type DemoCoachee = { email: string; name: string; answers: Answers };
export type DemoSponsor = { email: string; name: string };

type Ratings = Partial<Record<Exclude<RaterGroup, "stakeholders">, number>> & { stakeholders?: number[] };
export type DemoOutcome = {
  title: string;
  measure: Measure;
  direction: "higher" | "lower";
  target: number;
  raters: RaterGroup[];
  baseline?: Ratings;
  midpoint?: Ratings;
  final?: Ratings;
};

export type DemoStage = "proposed" | "contracting" | "midway" | "closing" | "completed";

export type DemoEngagement = {
  coachee: string;
  coach: string;
  sponsor: string | null;
  stage: DemoStage;
  /** How long ago the engagement started. */
  startedWeeksAgo: number;
  /** Sessions held so far, a week apart from the start. */
  held: number;
  /** A session booked for the coming days. */
  booked: boolean;
  agreed: boolean;
  outcomes: DemoOutcome[];
};

const rubric = (low: string, mid: string, high: string): Measure => ({ kind: "rubric", anchors: { low, mid, high } });
const FEEDBACK = rubric("Avoids giving feedback", "Gives feedback when asked", "Gives clear, kind feedback unprompted");
const DELEGATION = rubric("Does it all alone", "Hands over small tasks", "Delegates whole outcomes and coaches the team");
const STAKEHOLDERS = rubric("Surprised by stakeholders", "Keeps key people informed", "Stakeholders seek their view early");
const PRESENCE = rubric("Stays silent in design reviews", "Asks questions", "Shapes the design discussion");

const coachAnswers = (skills: [string, number][], zone: string, years: number, languages: string[], capacity: number): Answers => ({
  years_experience: years,
  skills: skills.map(([name, level]) => ({ name, level })),
  offers: ["career development", "personal development"],
  timezone: zone,
  languages,
  capacity,
});

export const DEMO_COACHES: DemoCoach[] = [
  {
    email: "imani.okafor.coach@example.org",
    name: "Imani Okafor",
    answers: coachAnswers(
      [
        ["Code Review", 5],
        ["Technical Leadership", 5],
        ["Mentoring", 4],
      ],
      "Europe/London",
      14,
      ["English"],
      3,
    ),
    capacity: 3,
    profile: {
      credentials: [{ body: "International Coaching Federation", level: "PCC", year: 2016 }],
      approach: "Solution-focused coaching with short experiments between sessions; GROW for structure.",
      bio: "Former engineering manager who has coached technical leads for a decade.",
      timeZones: ["Europe/London"],
    },
  },
  {
    email: "tomas.lindqvist.coach@example.org",
    name: "Tomás Lindqvist",
    answers: coachAnswers(
      [
        ["Stakeholder Management", 5],
        ["Communication", 5],
      ],
      "Europe/Stockholm",
      11,
      ["English", "Swedish"],
      3,
    ),
    capacity: 3,
    profile: {
      credentials: [
        { body: "European Mentoring and Coaching Council", level: "Senior Practitioner", year: 2018 },
        { body: "Co-Active Training Institute", level: "CPCC", year: 2014 },
      ],
      approach: "Co-active coaching; stakeholder maps and rehearsal of difficult conversations.",
      bio: "Coaches engineers stepping into roles with many stakeholders.",
      timeZones: ["Europe/Stockholm", "Europe/London"],
    },
  },
  {
    email: "priya.raman.coach@example.org",
    name: "Priya Raman",
    answers: coachAnswers(
      [
        ["Technical Leadership", 5],
        ["Delegation", 5],
        ["Career Development", 4],
      ],
      "Asia/Kolkata",
      9,
      ["English", "Hindi"],
      3,
    ),
    capacity: 3,
    profile: {
      credentials: [{ body: "International Coaching Federation", level: "ACC", year: 2019 }],
      approach: "Strengths-based coaching with 360 feedback at the start and the end.",
      bio: "Coaches first-time leads across time zones from Bengaluru.",
      timeZones: ["Asia/Kolkata", "Asia/Singapore"],
    },
  },
  {
    email: "daniel.brooks.coach@example.org",
    name: "Daniel Brooks",
    answers: coachAnswers(
      [
        ["Public Speaking", 5],
        ["Communication", 4],
      ],
      "America/New_York",
      17,
      ["English", "Spanish"],
      3,
    ),
    capacity: 3,
    profile: {
      credentials: [{ body: "International Coaching Federation", level: "MCC", year: 2012 }],
      approach: "Presence and influence: video practice, rehearsal, and reflection between sessions.",
      bio: "Speaker coach for engineers presenting to executives.",
      timeZones: ["America/New_York"],
    },
  },
  {
    email: "anke.vogel.coach@example.org",
    name: "Anke Vogel",
    answers: coachAnswers(
      [
        ["Delegation", 4],
        ["Time Management", 5],
      ],
      "Europe/Berlin",
      8,
      ["English", "German"],
      2,
    ),
    capacity: 2,
    profile: {
      credentials: [{ body: "Deutscher Bundesverband Coaching", level: "Senior Coach", year: 2017 }],
      approach: "Systemic coaching; priorities, boundaries and delegation.",
      bio: "Helps senior engineers get their week back.",
      timeZones: ["Europe/Berlin"],
    },
  },
];

const COACHEE_NAMES: [string, string, string][] = [
  ["Lena Fischer", "Europe/Berlin", "Code Review"],
  ["Omar Haddad", "Europe/London", "Technical Leadership"],
  ["Sofia Marques", "Europe/Lisbon", "Stakeholder Management"],
  ["Kenji Watanabe", "Asia/Tokyo", "Delegation"],
  ["Aisha Bello", "Europe/London", "Public Speaking"],
  ["Marta Kowalska", "Europe/Warsaw", "Communication"],
  ["Ravi Shankar", "Asia/Kolkata", "Technical Leadership"],
  ["Chloe Martin", "Europe/Paris", "Delegation"],
  ["Jonas Berg", "Europe/Stockholm", "Stakeholder Management"],
  ["Nia Thompson", "America/New_York", "Public Speaking"],
  ["Pedro Alves", "America/Sao_Paulo", "Communication"],
  ["Hana Novak", "Europe/Prague", "Time Management"],
  ["Samuel Osei", "Africa/Accra", "Code Review"],
  ["Yara Nasser", "Asia/Dubai", "Career Development"],
  ["Ethan Clarke", "Europe/Dublin", "Technical Leadership"],
  ["Mei Lin", "Asia/Singapore", "Delegation"],
  ["Lucas Moreau", "Europe/Paris", "Public Speaking"],
  ["Ingrid Dahl", "Europe/Oslo", "Time Management"],
  ["Tariq Khan", "Asia/Karachi", "Stakeholder Management"],
  ["Zoe Adams", "Australia/Sydney", "Code Review"],
];

const emailOf = (name: string, suffix: string) => `${name.toLowerCase().replace(/[^a-z]+/g, ".")}.${suffix}@example.org`;

export const DEMO_COACHEES: DemoCoachee[] = COACHEE_NAMES.map(([name, zone, skill], i) => ({
  email: emailOf(name, "coachee"),
  name,
  answers: {
    years_experience: 3 + (i % 7),
    skills: [{ name: skill, level: 2 }],
    seeks: ["career development"],
    timezone: zone,
    languages: ["English"],
  },
}));

export const DEMO_SPONSORS: DemoSponsor[] = [
  "Grace Ho",
  "Martin Weber",
  "Olivia Grant",
  "Felix Baptiste",
  "Ruth Mensah",
  "Hugo Lindahl",
].map((name) => ({
  email: emailOf(name, "sponsor"),
  name,
}));

const coachee = (i: number) => DEMO_COACHEES[i].email;
const coach = (i: number) => DEMO_COACHES[i].email;
const sponsor = (i: number) => DEMO_SPONSORS[i].email;

const feedback = (
  r: Partial<Pick<DemoOutcome, "baseline" | "midpoint" | "final">>,
  raters: RaterGroup[] = ["coachee", "coach", "sponsor"],
): DemoOutcome => ({
  title: "Gives clear feedback in code review",
  measure: FEEDBACK,
  direction: "higher",
  target: 8,
  raters,
  ...r,
});
const turnaround = (r: Partial<Pick<DemoOutcome, "baseline" | "midpoint" | "final">>): DemoOutcome => ({
  title: "Hours until a first review",
  measure: { kind: "number", unit: "hours" },
  direction: "lower",
  target: 6,
  raters: ["coachee"],
  ...r,
});
const delegation = (r: Partial<Pick<DemoOutcome, "baseline" | "midpoint" | "final">>): DemoOutcome => ({
  title: "Delegates whole pieces of work",
  measure: DELEGATION,
  direction: "higher",
  target: 7,
  raters: ["coachee", "coach", "stakeholders"],
  ...r,
});
const stakeholders = (r: Partial<Pick<DemoOutcome, "baseline" | "midpoint" | "final">>): DemoOutcome => ({
  title: "Keeps stakeholders ahead of surprises",
  measure: STAKEHOLDERS,
  direction: "higher",
  target: 8,
  raters: ["coachee", "coach", "sponsor"],
  ...r,
});
const presence = (r: Partial<Pick<DemoOutcome, "baseline" | "midpoint" | "final">>): DemoOutcome => ({
  title: "Speaks up in design reviews",
  measure: PRESENCE,
  direction: "higher",
  target: 7,
  raters: ["coachee", "coach"],
  ...r,
});

/**
 * Completed engagements first: they hold no coach's place any more, so the live ones
 * after them fit the coaches' capacities.
 */
export const DEMO_ENGAGEMENTS: DemoEngagement[] = [
  // Completed, every target met.
  {
    coachee: coachee(0),
    coach: coach(0),
    sponsor: sponsor(0),
    stage: "completed",
    startedWeeksAgo: 18,
    held: 6,
    booked: false,
    agreed: true,
    outcomes: [
      feedback({
        baseline: { coachee: 3, coach: 4, sponsor: 3 },
        midpoint: { coachee: 6, coach: 6 },
        final: { coachee: 8, coach: 8, sponsor: 9 },
      }),
      turnaround({ baseline: { coachee: 30 }, final: { coachee: 5 } }),
    ],
  },
  {
    coachee: coachee(1),
    coach: coach(2),
    sponsor: sponsor(1),
    stage: "completed",
    startedWeeksAgo: 16,
    held: 6,
    booked: false,
    agreed: true,
    outcomes: [
      delegation({ baseline: { coachee: 2, coach: 3, stakeholders: [3, 2, 4] }, final: { coachee: 7, coach: 8, stakeholders: [7, 8, 7] } }),
    ],
  },
  // Completed, one target missed.
  {
    coachee: coachee(2),
    coach: coach(1),
    sponsor: sponsor(2),
    stage: "completed",
    startedWeeksAgo: 17,
    held: 6,
    booked: false,
    agreed: true,
    outcomes: [
      stakeholders({ baseline: { coachee: 4, coach: 3, sponsor: 3 }, final: { coachee: 8, coach: 8, sponsor: 8 } }),
      presence({ baseline: { coachee: 2, coach: 3 }, final: { coachee: 5, coach: 5 } }),
    ],
  },
  {
    coachee: coachee(3),
    coach: coach(4),
    sponsor: null,
    stage: "completed",
    startedWeeksAgo: 15,
    held: 5,
    booked: false,
    agreed: true,
    outcomes: [delegation({ baseline: { coachee: 3, coach: 3 }, final: { coachee: 5, coach: 6 } })],
  },
  // Closing with finals missing: the period is over or the package used, and not every outcome has its final.
  {
    coachee: coachee(4),
    coach: coach(3),
    sponsor: sponsor(3),
    stage: "closing",
    startedWeeksAgo: 13,
    held: 6,
    booked: false,
    agreed: true,
    outcomes: [
      presence({ baseline: { coachee: 3, coach: 4 }, midpoint: { coachee: 5, coach: 5 }, final: { coach: 7 } }),
      feedback({ baseline: { coachee: 4, coach: 4, sponsor: 5 }, midpoint: { coachee: 6 } }),
    ],
  },
  {
    coachee: coachee(5),
    coach: coach(1),
    sponsor: sponsor(4),
    stage: "closing",
    startedWeeksAgo: 12,
    held: 6,
    booked: false,
    agreed: true,
    outcomes: [stakeholders({ baseline: { coachee: 3, coach: 4, sponsor: 3 }, midpoint: { coachee: 6, coach: 5 } })],
  },
  {
    coachee: coachee(6),
    coach: coach(2),
    sponsor: null,
    stage: "closing",
    startedWeeksAgo: 13,
    held: 5,
    booked: false,
    agreed: true,
    outcomes: [delegation({ baseline: { coachee: 2, coach: 3, stakeholders: [2, 3] }, midpoint: { coachee: 5, coach: 5 } })],
  },
  // Mid-way with measurements.
  {
    coachee: coachee(7),
    coach: coach(4),
    sponsor: sponsor(5),
    stage: "midway",
    startedWeeksAgo: 6,
    held: 3,
    booked: true,
    agreed: true,
    outcomes: [delegation({ baseline: { coachee: 3, coach: 2, stakeholders: [3, 4, 2] }, midpoint: { coachee: 5, coach: 5 } })],
  },
  {
    coachee: coachee(8),
    coach: coach(1),
    sponsor: sponsor(0),
    stage: "midway",
    startedWeeksAgo: 5,
    held: 3,
    booked: true,
    agreed: true,
    outcomes: [stakeholders({ baseline: { coachee: 4, coach: 3, sponsor: 4 }, midpoint: { coachee: 6, coach: 6, sponsor: 5 } })],
  },
  {
    coachee: coachee(9),
    coach: coach(3),
    sponsor: null,
    stage: "midway",
    startedWeeksAgo: 4,
    held: 2,
    booked: true,
    agreed: true,
    outcomes: [presence({ baseline: { coachee: 2, coach: 3 } }), turnaround({ baseline: { coachee: 24 }, midpoint: { coachee: 12 } })],
  },
  {
    coachee: coachee(10),
    coach: coach(0),
    sponsor: sponsor(1),
    stage: "midway",
    startedWeeksAgo: 7,
    held: 4,
    booked: true,
    agreed: true,
    outcomes: [feedback({ baseline: { coachee: 3, coach: 3, sponsor: 4 }, midpoint: { coachee: 5, coach: 6, sponsor: 5 } })],
  },
  // Contracting: outcomes drafted, baselines coming in, not agreed yet.
  {
    coachee: coachee(11),
    coach: coach(0),
    sponsor: sponsor(2),
    stage: "contracting",
    startedWeeksAgo: 1,
    held: 1,
    booked: true,
    agreed: false,
    outcomes: [feedback({ baseline: { coachee: 4 } })],
  },
  {
    coachee: coachee(12),
    coach: coach(2),
    sponsor: null,
    stage: "contracting",
    startedWeeksAgo: 0,
    held: 0,
    booked: true,
    agreed: false,
    outcomes: [],
  },
  {
    coachee: coachee(13),
    coach: coach(3),
    sponsor: sponsor(3),
    stage: "contracting",
    startedWeeksAgo: 1,
    held: 1,
    booked: false,
    agreed: false,
    outcomes: [presence({ baseline: { coachee: 3, coach: 2 } })],
  },
  // Picked from a shortlist, waiting for the coach's answer.
  {
    coachee: coachee(14),
    coach: coach(1),
    sponsor: null,
    stage: "proposed",
    startedWeeksAgo: 0,
    held: 0,
    booked: false,
    agreed: false,
    outcomes: [],
  },
];

/** Coachees who get a shortlist to choose from; the rest (not in any engagement) wait for the coordinator. */
export const DEMO_SHORTLISTED = [coachee(15), coachee(16), coachee(17)];
