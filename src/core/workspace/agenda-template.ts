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

export type AgendaSectionKey = (typeof AGENDA_SECTIONS)[number]["key"];
export const AGENDA_SECTION_KEYS = AGENDA_SECTIONS.map((s) => s.key) as [AgendaSectionKey, ...AgendaSectionKey[]];

export type AgendaText = Partial<Record<AgendaSectionKey, string>>;

/** An agenda with nothing written in any section is not worth sharing. */
export const agendaIsEmpty = (text: AgendaText) => AGENDA_SECTION_KEYS.every((k) => !text[k]?.trim());
