import { and, eq, or } from "drizzle-orm";
import { relationships } from "../relationships/tables.js";

/**
 * Pairs that are meeting, the only ones nudges and digests go to: active pairs, and
 * completed ones whose two people chose to continue. Paused and closed pairs hear nothing.
 */
export const meetingPairs = or(
  eq(relationships.status, "active"),
  and(eq(relationships.status, "completed"), eq(relationships.continuing, true)),
);
