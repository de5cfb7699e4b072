// Test support for the workspace tests (not loaded by the app).

import { sql } from "drizzle-orm";
import ICAL from "ical.js";
import { expect } from "vitest";
import { queryRows } from "../../platform/db.js";
import type { MailMessage } from "../../platform/mail.js";
import { programmeWithPool } from "../../test-support/programme-fixture.js";
import { type Client, createTestApp, createUserClient, setUpAdmin, type TestApp } from "../../test-support/test-app.js";
import { findEnrolmentOfUser } from "../enrolment/repository.js";
import { createPair } from "../relationships/create-pair.js";

export const MENTOR = "mo@example.org";
export const MENTEE = "noor@example.org";
export const OTHER_MENTEE = "ben@example.org";
export const OTHER_MENTOR = "ola@example.org";

export type Workspace = {
  t: TestApp;
  admin: Client;
  coordinator: Client;
  mentor: Client;
  mentee: Client;
  otherMentee: Client;
  otherMentor: Client;
  programmeId: string;
  /** A new active pair of mo and noor (ending the previous one first when asked). */
  newPair(options?: { mentee?: string; mentor?: string }): Promise<string>;
  /** Everyone who is not in the pair: another mentee, another mentor, the coordinator, the admin. */
  outsiders(): [string, Client][];
};

/**
 * A programme (Europe/London mentee, Lisbon mentor) with a separate non-admin coordinator,
 * two more participants, and a helper to make an active pair.
 */
export async function workspaceFixture(create: Record<string, unknown> = {}): Promise<Workspace> {
  const t = await createTestApp();
  const admin = await setUpAdmin(t.app);
  const pool = await programmeWithPool(
    t.app,
    admin,
    "Workspace",
    [
      `${MENTOR},Mo Mentor,mentor,12,Go:5,technical skills,,Europe/Lisbon,English,3,`,
      `${OTHER_MENTOR},Ola Mentor,mentor,9,Go:4,technical skills,,Europe/Oslo,English,2,`,
      `${MENTEE},Noor Mentee,mentee,2,Go:2,,technical skills,Europe/London,English,,`,
      `${OTHER_MENTEE},Ben Mentee,mentee,1,Go:1,,technical skills,America/New_York,English,,`,
    ],
    create,
  );
  const programmeId = pool.programme.id;
  const coordinator = await createUserClient(t.app, admin, "cora@example.org", "Cora Coordinator");
  const added = await admin.post(`/api/programmes/${programmeId}/members`, { email: "cora@example.org", role: "coordinator" });
  expect(added.statusCode).toBeLessThan(300);
  const userId = async (c: Client) => (await c.get("/api/auth/session")).json().user.id as string;
  const enrolmentOf = async (email: string) => (await findEnrolmentOfUser(t.ctx.db, programmeId, await userId(pool.people[email]))).id;
  return {
    t,
    admin,
    coordinator,
    mentor: pool.people[MENTOR],
    mentee: pool.people[MENTEE],
    otherMentee: pool.people[OTHER_MENTEE],
    otherMentor: pool.people[OTHER_MENTOR],
    programmeId,
    async newPair(options = {}) {
      const menteeEnrolmentId = await enrolmentOf(options.mentee ?? MENTEE);
      const mentorEnrolmentId = await enrolmentOf(options.mentor ?? MENTOR);
      const row = await t.ctx.db.transaction((tx) =>
        createPair(tx, { programmeId, menteeEnrolmentId, mentorEnrolmentId, status: "active", origin: "manual" }),
      );
      return row.id;
    },
    outsiders() {
      return [
        ["another mentee", pool.people[OTHER_MENTEE]],
        ["another mentor", pool.people[OTHER_MENTOR]],
        ["the coordinator", coordinator],
        ["the instance admin", admin],
      ];
    },
  };
}

/** Mail queued since the last call (jobs are left unrun, so payloads are still there), in queue order. */
export async function takeMail(t: TestApp): Promise<MailMessage[]> {
  const rows = await queryRows<{ id: string; payload: MailMessage }>(
    t.ctx.db,
    sql`select id, payload from jobs where name = 'mail.send' and completed_at is null order by created_at, id`,
  );
  if (rows.length > 0) await t.ctx.db.execute(sql`delete from jobs where name = 'mail.send' and completed_at is null`);
  return rows.map((r) => r.payload);
}

export type ParsedEvent = {
  uid: string;
  sequence: number;
  start: ICAL.Time;
  end: ICAL.Time;
  summary: string;
  status: string | null;
  description: string;
};

/** Parses iCalendar text back with ical.js: the calendar's METHOD and each VEVENT. */
export function parseIcs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent").map((v): ParsedEvent => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      sequence: e.sequence,
      start: e.startDate,
      end: e.endDate,
      summary: e.summary,
      status: (v.getFirstPropertyValue("status") as string | null) ?? null,
      description: e.description ?? "",
    };
  });
  return { method: calendar.getFirstPropertyValue("method") as string | null, events, raw: text };
}

/** A date (YYYY-MM-DD) `days` from today, for terms and sessions relative to now. */
export const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
