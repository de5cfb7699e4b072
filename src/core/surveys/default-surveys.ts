import type { Audience, SurveyQuestion } from "./questions.js";
import type { SurveySchedule } from "./schedule.js";

/**
 * The surveys a new programme starts with, in Grove's own words. Coordinators edit, pause
 * or delete them like any other. All are attributed: respondents are told so, and a low
 * pulse can then reach the coordinator's queue as something to act on.
 */
export type SurveyDefinition = {
  purpose: "pulse" | "midpoint" | "end" | "follow_up" | "custom";
  title: string;
  intro: string;
  anonymous: boolean;
  audiences: Audience[];
  schedule: SurveySchedule;
  openDays: number;
  reminderAfterDays: number | null;
  questions: SurveyQuestion[];
};

const PULSE: SurveyDefinition = {
  purpose: "pulse",
  title: "Fortnightly pulse",
  intro: "Two quick questions, every other week, so your coordinator can help early if something is not working.",
  anonymous: false,
  audiences: ["mentees", "mentors"],
  schedule: { kind: "every", everyWeeks: 2, fromWeek: 2 },
  openDays: 7,
  reminderAfterDays: 3,
  questions: [
    {
      id: "going",
      type: "rating",
      prompt: "How is your mentoring going?",
      help: "1 is very poorly, 5 is very well.",
      required: true,
      pulse: true,
    },
    { id: "tell_us", type: "long_text", prompt: "Is there anything your coordinator should know?", required: false },
  ],
};

const MIDPOINT: SurveyDefinition = {
  purpose: "midpoint",
  title: "Mid-point check",
  intro: "Halfway through the term: a few questions on how your pair works, so there is time to change course.",
  anonymous: false,
  audiences: ["mentees", "mentors"],
  schedule: { kind: "midpoint" },
  openDays: 10,
  reminderAfterDays: 4,
  questions: [
    { id: "useful", type: "rating", prompt: "How useful have your sessions been so far?", required: true },
    { id: "rhythm", type: "agreement", prompt: "We meet about as often as we agreed in our plan.", required: true },
    { id: "progress", type: "agreement", prompt: "The mentee is making progress on what they came for.", required: true },
    {
      id: "change",
      type: "single_choice",
      prompt: "For the second half, would you like…",
      options: ["To carry on as we are", "Some help from the coordinator", "To talk about a different pairing"],
      required: true,
    },
    { id: "else", type: "long_text", prompt: "Anything else you would like to share?", required: false },
  ],
};

const END: SurveyDefinition = {
  purpose: "end",
  title: "End of programme",
  intro: "The term is nearly over. Tell us how it went; what you say shapes the next programme.",
  anonymous: false,
  audiences: ["mentees", "mentors"],
  schedule: { kind: "end" },
  openDays: 14,
  reminderAfterDays: 5,
  questions: [
    { id: "satisfaction", type: "rating", prompt: "Overall, how satisfied are you with the programme?", required: true },
    {
      id: "recommend",
      type: "nps",
      prompt: "How likely are you to recommend this programme to a colleague?",
      help: "0 is not at all likely, 10 is extremely likely.",
      required: true,
    },
    {
      id: "goals",
      type: "rating",
      prompt: "How far did the mentee get with the goals they set?",
      help: "1 is not at all, 5 is all the way.",
      required: true,
    },
    {
      id: "again",
      type: "single_choice",
      prompt: "Would you take part in a programme like this again?",
      options: ["Yes", "Maybe", "No"],
      required: true,
    },
    {
      id: "continue",
      type: "single_choice",
      prompt: "Will you keep meeting after the term ends?",
      options: ["Yes, we plan to", "Perhaps now and then", "No, this is a good place to stop"],
      required: true,
    },
    { id: "best", type: "long_text", prompt: "What worked best, and what should we change?", required: false },
  ],
};

const COACHING_END: SurveyDefinition = {
  purpose: "end",
  title: "End of coaching",
  intro: "Your coaching engagement is coming to a close. A few questions on how it went for you.",
  anonymous: false,
  audiences: ["coachees"],
  schedule: { kind: "after_pair_end", weeks: 0 },
  openDays: 14,
  reminderAfterDays: 5,
  questions: [
    { id: "satisfaction", type: "rating", prompt: "How satisfied are you with your coaching?", required: true },
    {
      id: "recommend",
      type: "nps",
      prompt: "How likely are you to recommend this coaching to a colleague?",
      help: "0 is not at all likely, 10 is extremely likely.",
      required: true,
    },
    {
      id: "outcomes",
      type: "rating",
      prompt: "How far did you reach the outcomes you agreed with your coach?",
      help: "1 is not at all, 5 is fully.",
      required: true,
    },
    { id: "structure", type: "agreement", prompt: "The sessions had a clear structure and purpose.", required: true },
    { id: "again", type: "single_choice", prompt: "Would you work with a coach again?", options: ["Yes", "Maybe", "No"], required: true },
    { id: "else", type: "long_text", prompt: "What made the biggest difference, or what was missing?", required: false },
  ],
};

export function defaultSurveys(type: "mentoring" | "coaching"): SurveyDefinition[] {
  return type === "mentoring" ? [PULSE, MIDPOINT, END] : [COACHING_END];
}
