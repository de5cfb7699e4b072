// Test support for the support-loop tests (not loaded by the app).
import { eq } from "drizzle-orm";
import type { Principal } from "../../platform/auth/principal.js";
import { programmeWithPool } from "../../test-support/programme-fixture.js";
import { type Client, createUserClient, setUpAdmin, type TestApp } from "../../test-support/test-app.js";
import { users } from "../accounts/tables.js";
import { findEnrolmentOfUser } from "../enrolment/repository.js";
import { createPair } from "../relationships/create-pair.js";

export type Person = { email: string; name: string; role: "mentor" | "mentee"; timeZone: string };

/**
 * A mentoring programme with its term, people in their own time zones, a coordinator who
 * is not an instance admin, and active pairs made by hand. Everyone is signed in.
 */
export async function supportFixture(
  t: TestApp,
  options: {
    name?: string;
    termStart: string;
    termEnd: string;
    people: Person[];
    pairs: [string, string][];
    create?: Record<string, unknown>;
  },
) {
  const admin = await setUpAdmin(t.app);
  const rows = options.people.map(
    (p) =>
      `${p.email},${p.name},${p.role},${p.role === "mentor" ? 10 : 2},Go:3,${p.role === "mentor" ? "technical skills" : ""},${p.role === "mentee" ? "technical skills" : ""},${p.timeZone},English,${p.role === "mentor" ? 3 : ""},`,
  );
  const { programme, people } = await programmeWithPool(t.app, admin, options.name ?? "Support", rows, {
    termStart: options.termStart,
    termEnd: options.termEnd,
    ...options.create,
  });
  const coordinator = await createUserClient(t.app, admin, "cora@example.org", "Cora Coordinator");
  const added = await admin.post(`/api/programmes/${programme.id}/members`, { email: "cora@example.org", role: "coordinator" });
  if (added.statusCode !== 201) throw new Error(`coordinator not added: ${added.body}`);
  const userIdOf = async (email: string) => (await t.ctx.db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0].id;
  const pairs: Record<string, string> = {};
  for (const [mentee, mentor] of options.pairs) {
    const menteeEnrolmentId = (await findEnrolmentOfUser(t.ctx.db, programme.id, await userIdOf(mentee))).id;
    const mentorEnrolmentId = (await findEnrolmentOfUser(t.ctx.db, programme.id, await userIdOf(mentor))).id;
    const row = await t.ctx.db.transaction((tx) =>
      createPair(tx, { programmeId: programme.id, menteeEnrolmentId, mentorEnrolmentId, status: "active", origin: "manual" }),
    );
    pairs[mentee] = row.id;
  }
  const principalOf = async (email: string): Promise<Principal> => {
    const [u] = await t.ctx.db.select().from(users).where(eq(users.email, email));
    return { user: { id: u.id, email: u.email, name: u.name, isAdmin: u.isAdmin }, via: "session" };
  };
  return { admin, coordinator, programme, people: people as Record<string, Client>, pairs, userIdOf, principalOf };
}

export type SupportFixture = Awaited<ReturnType<typeof supportFixture>>;

/** A date `days` from today (UTC), for terms relative to now. */
export const isoDaysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
