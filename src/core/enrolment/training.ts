import type { IntakeRole } from "../intake/questions.js";

/**
 * Short onboarding every participant finishes before matching. In mentoring the giving
 * side learns to listen first and let the other person lead, the receiving side to own the
 * agenda. Coaching turns that round: a coach is already trained in coaching and needs
 * Grove's way of running an engagement; a coachee learns what the coach will lead and
 * what is still theirs to do.
 */
export type TrainingModule = { key: string; title: string; minutes: number; body: string };

const GIVER: TrainingModule[] = [
  {
    key: "listen-first",
    title: "Listen before you advise",
    minutes: 5,
    body:
      "Your first job in every session is to understand. Ask what is going on, what has been tried, and what a good outcome would look like. " +
      "Hold your own story back until you know which part of it helps. Advice given too early answers the question you imagined, not the one in front of you.",
  },
  {
    key: "ask-before-advising",
    title: "Ask questions that open things up",
    minutes: 5,
    body:
      "Questions such as 'what options do you see?' or 'what would you do if you could not fail?' help the other person think for themselves. " +
      "When you do share experience, offer it as one data point, say what was different about your situation, and check whether it fits theirs.",
  },
  {
    key: "they-lead",
    title: "Let the other person lead",
    minutes: 4,
    body:
      "The person you support owns the agenda, the goals and the follow-ups. Resist the urge to set homework or chase them. " +
      "If sessions drift, ask what they want from the next one rather than deciding for them. Your notes are for you; theirs are theirs.",
  },
];

const RECEIVER: TrainingModule[] = [
  {
    key: "own-the-agenda",
    title: "You set the agenda",
    minutes: 5,
    body:
      "This relationship exists for your growth, so you decide what each session is about. Before every meeting, write down what went well, " +
      "what did not, what you want to get out of the next hour and what you expect to be hard. Share it a day ahead so your partner can prepare.",
  },
  {
    key: "come-prepared",
    title: "Come prepared",
    minutes: 4,
    body:
      "Bring a concrete situation: a pull request, a conversation you dread, a decision you are stuck on. Specific questions get useful answers. " +
      "Protect the time you agreed; if you must move a session, say so early.",
  },
  {
    key: "track-actions",
    title: "Track your actions",
    minutes: 4,
    body:
      "End each session with one or two things you will do before the next one, and write them down. Start the next session with how they went. " +
      "Progress comes from the work between sessions, not from the sessions alone.",
  },
];

const COACH: TrainingModule[] = [
  {
    key: "contract-outcomes",
    title: "Contract the engagement around outcomes",
    minutes: 5,
    body:
      "In the first session agree one to five outcomes with your coachee and, when there is one, the sponsor. For each, choose how it is measured " +
      "(a 1–10 rubric with words for 1, 5 and 10, or a number with a unit), record the baseline and agree a target. Everyone agrees the set " +
      "in Grove before the work starts; after that the outcomes are fixed.",
  },
  {
    key: "lead-the-plan",
    title: "Lead each session from your plan",
    minutes: 5,
    body:
      "Start the session plan from a template and adjust it to the package. Before each session, write its agenda and share it: your coachee " +
      "reads it and can add topics they want to raise, but the agenda stays yours. Assign exercises between sessions with a due date.",
  },
  {
    key: "close-the-loop",
    title: "Write summaries and measure the end",
    minutes: 4,
    body:
      "After each session, share a short summary; your private notes stay yours. Grove reminds you, not the coachee. Sessions count against the " +
      "package. An engagement completes only when every outcome has a final measurement, so ask stakeholders for their ratings in good time.",
  },
];

const COACHEE: TrainingModule[] = [
  {
    key: "agree-success",
    title: "Agree what success looks like",
    minutes: 4,
    body:
      "Your coach will help you turn what you want to change into a few measurable outcomes, with where you are today and where you want to be. " +
      "You rate yourself at the start and at the end; people you choose can rate you too, through a short link.",
  },
  {
    key: "bring-your-topics",
    title: "Bring your topics to each session",
    minutes: 3,
    body:
      "Your coach sets each session's agenda and shares it ahead. Read it, and add the topics you want to raise: a situation that came up, " +
      "a decision you face. The coach fits them into the session.",
  },
  {
    key: "work-between-sessions",
    title: "Do the work between sessions",
    minutes: 3,
    body:
      "Coaching works in the days between sessions. Do the exercises your coach sets, mark them done and write a line about how they went. " +
      "Your package has a set number of sessions, so protect them: cancel late and the session may count as used.",
  },
];

const SPONSOR: TrainingModule[] = [
  {
    key: "what-sponsors-see",
    title: "What you see as a sponsor",
    minutes: 3,
    body:
      "You see the package, how many sessions are used, and the agreed outcomes with their baseline, target and final values. You never see " +
      "agendas, notes, summaries or exercises: what is said in coaching stays between coach and coachee. You may be asked to agree the " +
      "outcomes and to rate them at the start and at the end.",
  },
];

const MODULES: Record<IntakeRole, TrainingModule[]> = { mentor: GIVER, mentee: RECEIVER, coach: COACH, coachee: COACHEE, sponsor: SPONSOR };

export const trainingFor = (role: IntakeRole): TrainingModule[] => MODULES[role];
