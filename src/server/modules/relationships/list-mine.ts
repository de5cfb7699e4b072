import { desc, eq, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../../platform/db.js";
import { users } from "../accounts/tables.js";
import { programmes } from "../programmes/tables.js";
import { presentMyRelationship } from "./present.js";
import { relationships } from "./tables.js";

const mentorUser = alias(users, "mentor_user");
const menteeUser = alias(users, "mentee_user");

/** Every pair the person is in, on either side, newest first (declined proposals included, so they can see what happened). */
export async function listMyRelationships(db: Executor, userId: string) {
  const rows = await db
    .select({
      r: relationships,
      programme: { id: programmes.id, name: programmes.name, slug: programmes.slug, type: programmes.type },
      mentor: { name: mentorUser.name, email: mentorUser.email },
      mentee: { name: menteeUser.name, email: menteeUser.email },
    })
    .from(relationships)
    .innerJoin(programmes, eq(programmes.id, relationships.programmeId))
    .innerJoin(mentorUser, eq(mentorUser.id, relationships.mentorUserId))
    .innerJoin(menteeUser, eq(menteeUser.id, relationships.menteeUserId))
    .where(or(eq(relationships.mentorUserId, userId), eq(relationships.menteeUserId, userId)))
    .orderBy(desc(relationships.createdAt));
  return rows.map(({ r, programme, mentor, mentee }) =>
    r.menteeUserId === userId
      ? presentMyRelationship(r, programme, "mentee", mentor)
      : presentMyRelationship(r, programme, "mentor", mentee),
  );
}

/** The partner of `side` in a pair: the other person's name and email. */
export async function partnerOf(db: Executor, r: { mentorUserId: string; menteeUserId: string }, side: "mentor" | "mentee") {
  const id = side === "mentee" ? r.mentorUserId : r.menteeUserId;
  const [row] = await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, id));
  return row;
}
