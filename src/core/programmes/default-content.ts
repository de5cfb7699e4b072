/**
 * The default weekly resources for a 12-week mentoring term: one short piece per side per
 * week, written for Grove. Coordinators edit or replace them per programme.
 */
export type Audience = "mentor" | "mentee";
export type WeeklyResource = { week: number; audience: Audience; title: string; body: string; links: { label: string; url: string }[] };

const weeks: [string, string, string, string][] = [
  [
    "Make a first connection",
    "Share how you got into software and what a good partnership looks like to you. Agree how you will reach each other.",
    "Introduce yourself beyond your job title",
    "Tell your mentor what brought you here and what you hope will be different in twelve weeks.",
  ],
  [
    "Agree how you will work",
    "Fill in the mentoring plan together: when you meet, how to cancel, and what each of you expects.",
    "Write the plan with your mentor",
    "Propose a regular slot and say how you like to receive feedback. The plan is yours as much as theirs.",
  ],
  [
    "Hear the goal behind the goal",
    "Ask why each goal matters now. The real goal is often one level deeper than the first answer.",
    "Draft your first goal",
    "Pick one thing you want to be able to do by the end of the term. Make it specific enough that you will know when it is done.",
  ],
  [
    "Map where they are today",
    "Help your mentee describe their current reality without judging it. Ask for evidence, not impressions.",
    "Describe where you are now",
    "List what you already know about your goal, what you have tried and what got in the way.",
  ],
  [
    "Widen the options",
    "Before sharing your own route, ask what routes they can see. Add yours as one more option, not the answer.",
    "List your options",
    "Write at least three ways to move towards your goal, including one that feels a little uncomfortable.",
  ],
  [
    "Commit to the next step",
    "Let your mentee choose what they will do and by when. Your job is to check it is realistic, not to choose it.",
    "Choose what you will do",
    "Pick one option and turn it into actions with dates. Add them to your action items.",
  ],
  [
    "Halfway check-in",
    "Ask how the partnership is going for them and say how it is going for you. Adjust the plan if needed.",
    "Look back at the first half",
    "What has changed since week one? What do you want more or less of in the second half?",
  ],
  [
    "Share a story of failure",
    "A mistake you learned from is often more useful than a success. Say what you would do differently now.",
    "Ask about a hard moment",
    "Ask your mentor about a time things went wrong for them, and what they took from it.",
  ],
  [
    "Open a door",
    "Think of one person, community or opportunity that could help your mentee, and offer an introduction if they want it.",
    "Grow your network",
    "Name one person you would like to learn from beyond your mentor. Ask your mentor whether they can help you reach them.",
  ],
  [
    "Give specific feedback",
    "Describe what you saw, its effect, and one thing to try. Ask how they want to receive feedback first.",
    "Ask for feedback",
    "Ask your mentor for one thing you do well and one thing to work on. Write down what you will try.",
  ],
  [
    "Reflect on progress",
    "Help your mentee see how far they have come. Point to concrete evidence from your sessions.",
    "Reflect on your goals",
    "For each goal, note where you started, where you are and what helped. Be honest about what did not move.",
  ],
  [
    "Close well",
    "Share what you learned from your mentee, agree whether to keep meeting, and say thank you.",
    "Plan what comes next",
    "Write a roadmap for the next three months and decide with your mentor whether to continue.",
  ],
];

export const DEFAULT_MENTORING_CONTENT: WeeklyResource[] = weeks.flatMap(([mentorTitle, mentorBody, menteeTitle, menteeBody], i) => [
  { week: i + 1, audience: "mentor" as const, title: mentorTitle, body: mentorBody, links: [] },
  { week: i + 1, audience: "mentee" as const, title: menteeTitle, body: menteeBody, links: [] },
]);
