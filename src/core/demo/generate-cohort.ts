import { type Answers, AREAS, type AvailabilityWindow, type SkillAnswer, WEEKDAYS, type Weekday } from "../intake/questions.js";
import { type Random, seededRandom } from "./random.js";
import { HUBS, type Place, REGIONS, type Region } from "./regions.js";
import { CAREER_SKILLS, SKILL_TRACKS, type SkillTrack } from "./skill-tracks.js";

/** One fictional participant, with answers keyed by the default intake questions. */
export type DemoPerson = { email: string; name: string; role: "mentor" | "mentee"; answers: Answers };

export type CohortOptions = { size?: number; seed?: number };

/** The demo programme's size and seed: about the cohort of a real 12-week programme. */
export const DEMO_SIZE = 60;
export const DEMO_SEED = 20_240_611;
/** 22 mentors for 38 mentees: capacities of 1–3 then cover everyone with some slack. */
const MENTOR_SHARE = 22 / 60;
/** Mentees whose manager is one of the mentors, so matching has a pair it must never make. */
const MANAGED_BY_MENTOR_SHARE = 0.1;

const INTERESTS = [
  "climbing",
  "chess",
  "cycling",
  "running",
  "board games",
  "photography",
  "baking",
  "gardening",
  "football",
  "jazz",
  "hiking",
  "reading sci-fi",
  "knitting",
  "woodworking",
  "yoga",
  "podcasts",
  "video games",
  "cooking",
  "swimming",
  "volunteering",
  "drawing",
  "music production",
  "bouldering",
  "language learning",
];

/** Typical weekly slots in local time: evenings, lunch breaks, early mornings, weekends. */
const SLOTS: readonly AvailabilityWindow[] = [
  { day: "mon", start: "18:00", end: "19:30" },
  { day: "mon", start: "12:00", end: "13:00" },
  { day: "tue", start: "07:30", end: "08:30" },
  { day: "tue", start: "18:30", end: "20:00" },
  { day: "wed", start: "12:00", end: "13:00" },
  { day: "wed", start: "17:30", end: "19:00" },
  { day: "thu", start: "19:00", end: "20:30" },
  { day: "thu", start: "12:30", end: "13:30" },
  { day: "fri", start: "08:00", end: "09:00" },
  { day: "fri", start: "16:00", end: "17:00" },
  { day: "sat", start: "09:30", end: "11:30" },
  { day: "sun", start: "16:00", end: "18:00" },
];

/**
 * A deterministic, realistic developer mentoring cohort: the same seed and size always
 * give the same people. Mentors are experienced (6–25 years) and strong in their skills;
 * mentees are early in their careers (0–4 years) and name the level they are aiming for.
 * Everyone's email is at example.org (managers outside the cohort at example.com), so no
 * demo message can reach a real person.
 */
export function generateCohort(options: CohortOptions = {}): DemoPerson[] {
  const size = options.size ?? DEMO_SIZE;
  const random = seededRandom(options.seed ?? DEMO_SEED);
  const takenEmails = new Set<string>();
  const mentorCount = Math.max(1, Math.round(size * MENTOR_SHARE));
  const people: (DemoPerson & { track: SkillTrack })[] = [];
  for (let i = 0; i < size; i++) {
    const role = i < mentorCount ? "mentor" : "mentee";
    const region = random.pick(REGIONS);
    // One in five lives in an international hub rather than where their name comes from.
    const place = random.chance(0.2) ? random.pick(HUBS) : random.pick(region.places);
    const given = random.pick(region.givenNames);
    const family = random.pick(region.familyNames);
    const track = pickTrack(random);
    const answers: Answers = {
      years_experience: role === "mentor" ? random.int(6, 25) : random.int(0, 4),
      skills: role === "mentor" ? mentorSkills(random, track) : menteeSkills(random, track),
      [role === "mentor" ? "offers" : "seeks"]: areas(random, role),
      interests: random.sample(INTERESTS, random.pick([0, 1, 2, 2, 3])),
      timezone: place.timezone,
      languages: languages(random, place),
      availability: random.chance(0.1) ? [] : availability(random),
    };
    if (random.chance(role === "mentor" ? 0.5 : 0.7)) answers.manager_email = outsideManager(random, region);
    if (role === "mentor") answers.capacity = random.pick([1, 1, 2, 2, 2, 3, 3]);
    people.push({
      email: uniqueEmail(takenEmails, given, family),
      name: `${given} ${family}`,
      role,
      answers: withoutEmpty(answers),
      track,
    });
  }
  assignMentorManagers(random, people);
  return people.map(({ track: _track, ...person }) => person);
}

function pickTrack(random: Random): SkillTrack {
  let roll = random.next() * SKILL_TRACKS.reduce((sum, t) => sum + t.weight, 0);
  for (const track of SKILL_TRACKS) {
    roll -= track.weight;
    if (roll < 0) return track;
  }
  return SKILL_TRACKS[SKILL_TRACKS.length - 1];
}

/** Mentors list what they can teach: strong in their track's core, fair in a few extras. */
function mentorSkills(random: Random, track: SkillTrack): SkillAnswer[] {
  return uniqueSkills([
    ...random.sample(track.core, random.int(2, 3)).map((name) => ({ name, level: random.int(4, 5) })),
    ...random.sample(track.extra, random.int(1, 3)).map((name) => ({ name, level: random.int(3, 5) })),
    ...random.sample(CAREER_SKILLS, random.int(0, 2)).map((name) => ({ name, level: random.int(3, 5) })),
  ]);
}

/** Mentees list what they want to grow in and the level they are aiming for. */
function menteeSkills(random: Random, track: SkillTrack): SkillAnswer[] {
  return uniqueSkills([
    ...random.sample(track.core, random.int(1, 2)).map((name) => ({ name, level: random.int(2, 4) })),
    ...random.sample(track.extra, random.int(0, 1)).map((name) => ({ name, level: random.int(2, 3) })),
    ...random.sample(CAREER_SKILLS, random.int(0, 1)).map((name) => ({ name, level: random.int(2, 4) })),
  ]);
}

// A track's core and the career list can share a name ("System Design"); keep the first.
const uniqueSkills = (skills: SkillAnswer[]) => skills.filter((s, i) => skills.findIndex((o) => o.name === s.name) === i);

function areas(random: Random, role: "mentor" | "mentee"): string[] {
  const [technical, career, personal] = AREAS;
  const picked = [
    ...(random.chance(0.85) ? [technical] : []),
    ...(random.chance(role === "mentor" ? 0.6 : 0.5) ? [career] : []),
    ...(random.chance(0.3) ? [personal] : []),
  ];
  return picked.length > 0 ? picked : [random.pick(AREAS)];
}

/** Most people meet in English; about one in ten, where English is not the local language, only locally. */
function languages(random: Random, place: Place): string[] {
  const local = random.sample(place.languages, random.int(1, place.languages.length));
  if (place.languages.length > 0 && random.chance(0.1)) return local;
  return random.chance(0.5) ? ["English", ...local] : ["English"];
}

function availability(random: Random): AvailabilityWindow[] {
  const days = new Set<Weekday>();
  const windows: AvailabilityWindow[] = [];
  for (const slot of random.sample(SLOTS, random.int(1, 4))) {
    if (days.has(slot.day)) continue;
    days.add(slot.day);
    windows.push({ ...slot });
  }
  return windows.sort((a, b) => WEEKDAYS.indexOf(a.day) - WEEKDAYS.indexOf(b.day));
}

function outsideManager(random: Random, region: Region): string {
  return `${emailPart(random.pick(region.givenNames))}.${emailPart(random.pick(region.familyNames))}@example.com`;
}

/**
 * A few mentees report to one of the mentors, preferably one from their own track, who
 * would otherwise look like an ideal match: exactly the pair the "never your own manager"
 * rule exists for.
 */
function assignMentorManagers(random: Random, people: (DemoPerson & { track: SkillTrack })[]) {
  const mentors = people.filter((p) => p.role === "mentor");
  const mentees = people.filter((p) => p.role === "mentee");
  if (mentors.length === 0) return;
  const count = Math.max(mentees.length > 0 ? 2 : 0, Math.round(mentees.length * MANAGED_BY_MENTOR_SHARE));
  for (const mentee of random.sample(mentees, count)) {
    const sameTrack = mentors.filter((m) => m.track === mentee.track);
    mentee.answers.manager_email = random.pick(sameTrack.length > 0 ? sameTrack : mentors).email;
  }
}

/** ASCII for the local part of an email: "Müller" → "muller", "van der Merwe" → "vandermerwe". */
function emailPart(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, "");
}

function uniqueEmail(taken: Set<string>, given: string, family: string): string {
  const base = `${emailPart(given)}.${emailPart(family)}`;
  let email = `${base}@example.org`;
  for (let n = 2; taken.has(email); n++) email = `${base}${n}@example.org`;
  taken.add(email);
  return email;
}

/** Optional questions left unanswered are absent, as they are after an import. */
function withoutEmpty(answers: Answers): Answers {
  return Object.fromEntries(Object.entries(answers).filter(([, v]) => !(Array.isArray(v) && v.length === 0)));
}
