import type { IntakeRole } from "../intake/questions.js";

/**
 * Short onboarding every participant finishes before matching. The giving side learns to
 * listen first and let the other person lead; the receiving side learns to own the agenda.
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

export const trainingFor = (role: IntakeRole): TrainingModule[] => (role === "mentor" || role === "coach" ? GIVER : RECEIVER);
