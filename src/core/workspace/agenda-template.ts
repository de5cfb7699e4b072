/**
 * The mentee's agenda for a session: five short headings to fill in before meeting. The
 * wording is ours; the idea is to arrive prepared, so the mentor can listen first.
 */
export const AGENDA_SECTIONS = [
  { key: "check_in", heading: "How I am doing", prompt: "A line or two on how things are with you this week, at work and beyond." },
  { key: "went_well", heading: "What went well", prompt: "Something that worked since we last met, however small." },
  { key: "did_not_go_well", heading: "What did not go to plan", prompt: "Where you got stuck, or what you would do differently." },
  { key: "next_steps", heading: "What I want to get out of this session", prompt: "The one or two things you most want to leave with." },
  { key: "expected_challenges", heading: "Challenges I see coming", prompt: "What might get in the way over the next weeks." },
] as const;

/**
 * The coach's agenda for a coaching session: the coach leads, so the headings are about the
 * session's design, started from the session plan. The coachee adds topics beside it.
 */
export const COACHING_AGENDA_SECTIONS = [
  { key: "purpose", heading: "What this session is for", prompt: "The aim of the session and how it fits the outcomes you agreed." },
  { key: "activities", heading: "What we will do", prompt: "The exercises, questions or tools you will work through." },
  { key: "review", heading: "What we will look back on", prompt: "Exercises since the last session and what came of them." },
  { key: "preparation", heading: "How to prepare", prompt: "What the coachee should think about or bring." },
] as const;

export type AgendaSection = { key: AgendaSectionKey; heading: string; prompt: string };

export type AgendaSectionKey = (typeof AGENDA_SECTIONS)[number]["key"] | (typeof COACHING_AGENDA_SECTIONS)[number]["key"];
/** Every key either mode's agenda may hold: the contract accepts these, the mode decides which apply. */
export const AGENDA_SECTION_KEYS = [...AGENDA_SECTIONS, ...COACHING_AGENDA_SECTIONS].map((s) => s.key) as [
  AgendaSectionKey,
  ...AgendaSectionKey[],
];

export type AgendaText = Partial<Record<AgendaSectionKey, string>>;

/** An agenda with nothing written in any section is not worth sharing. */
export const agendaIsEmpty = (text: AgendaText) => AGENDA_SECTION_KEYS.every((k) => !text[k]?.trim());
