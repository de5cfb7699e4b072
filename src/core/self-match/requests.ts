/**
 * Self-match: a mentee asks a mentor directly; the mentor accepts or declines before the
 * request expires. These are the rules both the server and the web app use.
 */
export const REQUEST_STATUSES = ["pending", "accepted", "declined", "withdrawn", "expired", "closed"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Long enough to say why this mentor, short enough to read in a minute. */
export const MESSAGE_MIN = 20;
export const MESSAGE_MAX = 1000;
export const DECLINE_REASON_MAX = 1000;

/** Why Grove closed a request nobody answered; the mentee and mentor read these. */
export const CLOSED_REASONS = {
  matchedElsewhere: "The mentee was matched with another mentor.",
  mentorFull: "The mentor has no places left.",
} as const;

export type SelfMatchProgramme = {
  matchMode: "round" | "self";
  status: "draft" | "open" | "matching" | "running" | "completed" | "archived";
};

/**
 * Why mentees cannot browse or request right now, or null when they can. Requests are
 * taken while the programme is being matched or is running (late joiners find a mentor too).
 */
export function selfMatchClosedProblem(p: SelfMatchProgramme): { code: "self_match_off" | "self_match_closed"; message: string } | null {
  if (p.matchMode !== "self") {
    return {
      code: "self_match_off",
      message: "In this programme the coordinator pairs people; mentees do not request mentors themselves.",
    };
  }
  if (p.status === "matching" || p.status === "running") return null;
  const when: Record<SelfMatchProgramme["status"], string> = {
    draft: "is still being designed",
    open: "is still taking applications",
    matching: "",
    running: "",
    completed: "has finished",
    archived: "is archived",
  };
  return {
    code: "self_match_closed",
    message: `Mentees can request mentors while the programme is matching or running; this one ${when[p.status]}.`,
  };
}

/** How a request's state reads to the people in it. */
export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  pending: "Waiting for an answer",
  accepted: "Accepted",
  declined: "Declined",
  withdrawn: "Withdrawn",
  expired: "Expired",
  closed: "Closed",
};

/** The answer an accept or decline gets when the request is no longer open. */
export function notPendingProblem(status: RequestStatus): string {
  switch (status) {
    case "accepted":
      return "This request has already been accepted.";
    case "declined":
      return "This request has already been declined.";
    case "withdrawn":
      return "The mentee withdrew this request, so it can no longer be answered.";
    case "expired":
      return "This request expired before it was answered. The mentee can send a new one.";
    case "closed":
      return "This request was closed without an answer, so it can no longer be answered.";
    case "pending":
      return "This request is still waiting for an answer.";
  }
}

/**
 * The engine's reasons are written for a coordinator ("the mentee asked for…"). A mentee
 * browsing mentors reads them about themselves, so the third person becomes "you".
 */
export function reasonForMentee(reason: string): string {
  return reason
    .replace(/\bwhat the mentee wants\b/g, "what you want")
    .replace(/\bthe mentee is aiming for\b/g, "you are aiming for")
    .replace(/\bthe mentee asked for\b/g, "you asked for")
    .replace(/\bthe mentee wants\b/g, "you want")
    .replace(/\bthan the mentee\b/g, "than you")
    .replace(/\bthe mentor's skills\b/g, "this mentor's skills")
    .replace(/\bthe mentor does\b/g, "this mentor does")
    .replace(/\bthe mentor is\b/g, "this mentor is")
    .replace(/^Both are into\b/, "You both enjoy")
    .replace(/^Their calendars share\b/, "Your calendars share")
    .replace(/^Their time zones are 0 hours apart at most\.$/, "You keep the same clock time.")
    .replace(/^Their time zones are\b/, "Your time zones are")
    .replace(/\b1 hours\b/, "1 hour")
    .replace(/^Can talk in\b/, "You can talk in")
    .replace(/^They share few\b/, "You share few")
    .replace(/\bthey have no language\b/g, "you have no language")
    .replace(
      /^No factor stands out for this pair; it is allowed but not a strong fit\.$/,
      "Nothing stands out either way for this pairing.",
    );
}

/** Whole days (rounded up) until an instant; 0 once it has passed. */
export function daysLeft(expiresAt: Date, now: Date): number {
  return Math.max(0, Math.ceil((expiresAt.getTime() - now.getTime()) / 86_400_000));
}
