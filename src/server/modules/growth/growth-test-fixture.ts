import { programmeWithPool } from "../../test-support/programme-fixture.js";
import { type Client, createUserClient, setUpAdmin, type TestApp } from "../../test-support/test-app.js";
import { findEnrolmentOfUser } from "../enrolment/repository.js";
import { createPair } from "../relationships/create-pair.js";

const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Two live pairs in one mentoring programme that started three weeks ago — Noor (mentee)
 * with Mo (mentor), Ben with Lea — plus a coordinator who is not an instance admin, and
 * the admin who created the programme (and so coordinates it too).
 */
export async function twoPairs(t: TestApp) {
  const admin = await setUpAdmin(t.app);
  const start = new Date(Date.now() - 21 * DAY);
  const { programme, people } = await programmeWithPool(
    t.app,
    admin,
    "Growth",
    [
      "mo@example.org,Mo Mentor,mentor,12,Go:5,technical skills,,Europe/Lisbon,English,1,",
      "lea@example.org,Lea Mentor,mentor,9,Go:4,technical skills,,Europe/Berlin,English,1,",
      "noor@example.org,Noor Mentee,mentee,2,Go:2,,technical skills,Europe/London,English,,",
      "ben@example.org,Ben Mentee,mentee,1,Go:1,,technical skills,Europe/Madrid,English,,",
    ],
    { termStart: isoDay(start), termEnd: isoDay(new Date(start.getTime() + 83 * DAY)) },
  );
  const coordinator = await createUserClient(t.app, admin, "cora@example.org", "Cora Coordinator");
  const added = await admin.post(`/api/programmes/${programme.id}/members`, { email: "cora@example.org", role: "coordinator" });
  if (added.statusCode !== 201) throw new Error(`coordinator not added: ${added.body}`);

  const enrolmentOf = async (email: string) => {
    const me = (await people[email].get("/api/auth/session")).json();
    return (await findEnrolmentOfUser(t.ctx.db, programme.id, me.user.id)).id;
  };
  const pair = async (mentee: string, mentor: string) => {
    // Look both up first: PGlite has one connection, so no query may run beside an open transaction.
    const menteeEnrolmentId = await enrolmentOf(mentee);
    const mentorEnrolmentId = await enrolmentOf(mentor);
    return t.ctx.db.transaction((tx) =>
      createPair(tx, { programmeId: programme.id, menteeEnrolmentId, mentorEnrolmentId, status: "active", origin: "manual" }),
    );
  };
  const noorAndMo = await pair("noor@example.org", "mo@example.org");
  const benAndLea = await pair("ben@example.org", "lea@example.org");
  return {
    admin,
    coordinator,
    programme,
    noor: people["noor@example.org"],
    mo: people["mo@example.org"],
    ben: people["ben@example.org"],
    lea: people["lea@example.org"],
    noorAndMo,
    benAndLea,
  };
}

export type TwoPairs = Awaited<ReturnType<typeof twoPairs>>;
export type { Client };

/** Books (or, in the past, logs as held) a one-hour session `days` from today at 10:00 London time. */
export async function session(client: Client, relationshipId: string, days: number) {
  const date = isoDay(new Date(Date.now() + days * DAY));
  const res = await client.post(`/api/relationships/${relationshipId}/sessions`, {
    date,
    startTime: "10:00",
    endTime: "11:00",
    timeZone: "Europe/London",
    ...(days < 0 ? { held: true } : {}),
  });
  if (res.statusCode !== 201) throw new Error(`session not booked: ${res.statusCode} ${res.body}`);
  return res.json().sessions[0].id as string;
}

/** The mentee writes and shares an agenda for a session. */
export async function shareAgenda(mentee: Client, relationshipId: string, sessionId: string, text = "How I am doing") {
  const base = `/api/relationships/${relationshipId}/sessions/${sessionId}/agenda`;
  const saved = await mentee.request("PUT", base, { version: 0, sections: { check_in: text } });
  if (saved.statusCode !== 200) throw new Error(`agenda not saved: ${saved.body}`);
  const shared = await mentee.post(`${base}/share`);
  if (shared.statusCode !== 200) throw new Error(`agenda not shared: ${shared.body}`);
}
