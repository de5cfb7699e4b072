import { type PairingMethod, rulesFor, type WorkspaceFeature } from "../../../core/programme-modes.js";
import { AppError } from "../../platform/errors.js";
import type { ProgrammeRow } from "./repository.js";

type Typed = Pick<ProgrammeRow, "type">;

/**
 * What a programme's mode allows, as refusals: a part of the product that does not exist
 * in this mode answers 409 `not_in_<mode>` with what to use instead, never a silent no-op.
 */
export function requireFeature(programme: Typed, feature: WorkspaceFeature) {
  const rules = rulesFor(programme.type);
  if (!rules.features[feature]) throw new AppError(409, `not_in_${programme.type}`, rules.missing(feature));
}

const PAIRING_NAMES: Record<PairingMethod, string> = {
  round: "matching rounds",
  self_match: "self-match requests",
  by_hand: "pairing by hand",
  rematch: "no-fault rematches",
  shortlist: "coach shortlists",
  assignment: "direct coach assignment",
};

const PAIRING_INSTEAD: Record<"mentoring" | "coaching", string> = {
  mentoring: "Mentoring pairs come from matching rounds, self-match or pairing by hand.",
  coaching:
    "Coaching engagements come from a shortlist of coaches the coachee picks from, or from a coordinator assigning a coach with a package.",
};

export function requirePairing(programme: Typed, method: PairingMethod) {
  if (!rulesFor(programme.type).pairing.includes(method)) {
    throw new AppError(
      409,
      `not_in_${programme.type}`,
      `A ${programme.type} programme does not use ${PAIRING_NAMES[method]}. ${PAIRING_INSTEAD[programme.type]}`,
    );
  }
}
