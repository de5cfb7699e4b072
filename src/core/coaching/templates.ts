/**
 * Session-plan templates: one entry per session with its purpose and activities. A coach
 * starts an engagement's plan from one and then makes it their own. Grove ships two of its
 * own frameworks; coordinators and coaches add and edit a programme's templates.
 */
export type PlanEntry = { title: string; purpose: string; activities: string };
export type PlanTemplate = { key: string; name: string; description: string; entries: PlanEntry[] };

export const MAX_PLAN_ENTRIES = 30;

export const SHIPPED_TEMPLATES: PlanTemplate[] = [
  {
    key: "skills-six",
    name: "Skills engagement (six sessions)",
    description: "For one or two specific skills: contract, practise in real work, review, and measure the change.",
    entries: [
      {
        title: "Contracting",
        purpose: "Agree what the coaching is for and how success will be measured.",
        activities:
          "Explore the situations where the skill matters; choose up to five outcomes with a rubric or a number; record the baseline; agree targets and who rates them.",
      },
      {
        title: "Current practice",
        purpose: "See clearly how the coachee uses the skill today.",
        activities: "Walk through two recent examples in detail; name what worked and what did not; pick one habit to try differently.",
      },
      {
        title: "First experiments",
        purpose: "Turn insight into practice at work.",
        activities:
          "Review the first exercise; rehearse a coming situation; design the next experiment with a clear trigger and a way to notice it.",
      },
      {
        title: "Mid-point review",
        purpose: "Check progress against the outcomes and adjust.",
        activities: "Take the mid-point ratings; compare with the baseline; decide what to keep, drop or intensify for the second half.",
      },
      {
        title: "Deepening",
        purpose: "Work on the hardest situations and any beliefs that hold the skill back.",
        activities:
          "Take on the most difficult case so far; examine the assumptions behind it; plan how to sustain the change without the coach.",
      },
      {
        title: "Review and close",
        purpose: "Measure the end point and hand over.",
        activities:
          "Record final ratings with the coachee, the sponsor and stakeholders; compare baseline, target and final; agree what the coachee keeps doing.",
      },
    ],
  },
  {
    key: "transition-four",
    name: "Transition engagement (four sessions)",
    description: "For a change of role — a first lead role, a move to management or a new team — over about two months.",
    entries: [
      {
        title: "Where you are going",
        purpose: "Understand the new role and agree what a good first months would look like.",
        activities: "Map the expectations of the new role and its stakeholders; choose the outcomes that matter most; record the baseline.",
      },
      {
        title: "Letting go and taking on",
        purpose: "Decide what to stop doing and what to start.",
        activities: "Sort current work into keep, hand over and stop; plan the conversations that go with it; set the first exercise.",
      },
      {
        title: "Relationships and influence",
        purpose: "Build the working relationships the new role runs on.",
        activities: "Review how the first weeks went; plan one-to-ones and one difficult conversation; take mid-point ratings if agreed.",
      },
      {
        title: "Consolidate and measure",
        purpose: "Fix what works and measure the change.",
        activities: "Record final ratings; compare with the baseline and targets; write down the routines to keep after the coaching.",
      },
    ],
  },
];
