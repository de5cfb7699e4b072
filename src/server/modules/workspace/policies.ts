import { rulesFor, type Side, sideWord, type WorkspaceFeature } from "../../../core/programme-modes.js";
import { AppError } from "../../platform/errors.js";
import { requireFeature } from "../programmes/policies.js";
import type { Pair } from "./access.js";

/**
 * Who may do what inside a pair's workspace, by the pair's mode. Loading the pair already
 * answered "is this one of its two people" (everyone else gets 404); these rules answer
 * "which of the two", and say who may instead.
 */
type InPair = Pick<Pair, "side" | "programme">;

const refuse = (code: string, message: string) => new AppError(403, code, message);

/** The side that writes and shares the agenda: the mentee in mentoring, the coach in coaching. */
export const agendaAuthor = (pair: Pick<Pair, "programme">): Side => rulesFor(pair.programme.type).agenda.author;

export const canWriteAgenda = (pair: InPair) => pair.side === agendaAuthor(pair);

export function authorizeWriteAgenda(pair: InPair) {
  if (canWriteAgenda(pair)) return;
  const author = sideWord(pair.programme.type, agendaAuthor(pair));
  const instead =
    rulesFor(pair.programme.type).agenda.topicsFrom === pair.side ? "add the topics you want to raise" : "comment once it is shared";
  throw refuse(
    `agenda_${author}_only`,
    `The agenda is the ${author}'s to write. As the ${sideWord(pair.programme.type, pair.side)} you can ${instead}.`,
  );
}

/** "Topics I want to raise": the coachee's, beside the coach's agenda. */
export function authorizeRaiseTopic(pair: InPair) {
  requireFeature(pair.programme, "agendaTopics");
  if (rulesFor(pair.programme.type).agenda.topicsFrom !== pair.side)
    throw refuse(
      "topics_from_coachee",
      `Topics beside the agenda are the ${sideWord(pair.programme.type, "mentee")}'s to raise; the agenda itself is yours.`,
    );
}

/** Whether the agenda's text is readable to this person yet: the author always, the other once shared. */
export const canReadAgenda = (pair: InPair, status: "none" | "draft" | "shared") => canWriteAgenda(pair) || status === "shared";

/** A part of the workspace this mode has (goals in mentoring, outcomes in coaching, …). */
export const authorizeFeature = (pair: Pick<Pair, "programme">, feature: WorkspaceFeature) => requireFeature(pair.programme, feature);
