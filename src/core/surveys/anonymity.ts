/**
 * An anonymous survey shows coordinators aggregates only, and nothing at all for a group
 * of fewer than five responses: with three answers, "one said 2 of 5" points at a person.
 */
export const ANONYMITY_THRESHOLD = 5;

/** Whether results for a group of `n` responses may be shown. Attributed surveys always show. */
export const mayShowGroup = (anonymous: boolean, n: number) => !anonymous || n >= ANONYMITY_THRESHOLD;

export const anonymityNotice = (n: number) =>
  `Only ${n} ${n === 1 ? "response" : "responses"} so far. This survey is anonymous, so results appear once at least ${ANONYMITY_THRESHOLD} people have answered.`;

/** What respondents are told before answering: who will see their answers. */
export const respondentPrivacyNote = (anonymous: boolean) =>
  anonymous
    ? "This survey is anonymous. Your answers are kept without your name or your pair, and your coordinators see only totals, and only once at least five people have answered."
    : "Your coordinators will see your name with your answers, so they can follow up with you. The other person in your pair does not see them.";
