/**
 * A programme's life: designed (draft), taking applications (open), being matched,
 * running its term, completed; archived from any state and restored to where it was.
 */
export const PROGRAMME_STATUSES = ["draft", "open", "matching", "running", "completed", "archived"] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

const NEXT: Record<Exclude<ProgrammeStatus, "archived">, ProgrammeStatus[]> = {
  draft: ["open"],
  // Closing applications early (back to draft) is allowed; nobody is matched yet.
  open: ["matching", "draft"],
  // Re-opening lets late applicants in before matches are published.
  matching: ["running", "open"],
  running: ["completed"],
  completed: [],
};

export function allowedTransitions(status: ProgrammeStatus): ProgrammeStatus[] {
  return status === "archived" ? [] : [...NEXT[status], "archived"];
}

export function transitionProblem(from: ProgrammeStatus, to: ProgrammeStatus): string | null {
  if (from === to) return `The programme is already ${to}.`;
  if (from === "archived") return "Restore the programme before changing its status.";
  if (allowedTransitions(from).includes(to)) return null;
  const options = allowedTransitions(from).filter((s) => s !== "archived");
  return `A ${from} programme cannot become ${to}${options.length ? `; it can become ${options.join(" or ")}` : ""}.`;
}

export const STATUS_LABELS: Record<ProgrammeStatus, string> = {
  draft: "Draft",
  open: "Taking applications",
  matching: "Matching",
  running: "Running",
  completed: "Completed",
  archived: "Archived",
};

/** Applications are taken only while the programme is open and inside its window (when one is set). */
export function isAcceptingApplications(
  p: { status: ProgrammeStatus; applicationsOpenAt: Date | null; applicationsCloseAt: Date | null },
  now: Date,
): boolean {
  if (p.status !== "open") return false;
  if (p.applicationsOpenAt && now < p.applicationsOpenAt) return false;
  if (p.applicationsCloseAt && now >= p.applicationsCloseAt) return false;
  return true;
}
