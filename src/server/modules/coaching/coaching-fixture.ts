// Test support for the coaching tests (not loaded by the app).

import { expect } from "vitest";
import type { MailMessage } from "../../platform/mail.js";
import { programmeWithPool } from "../../test-support/programme-fixture.js";
import { Client, createTestApp, createUserClient, setUpAdmin, type TestApp } from "../../test-support/test-app.js";
import { findEnrolmentOfUser } from "../enrolment/repository.js";
import { takeMail } from "../workspace/test-pair.js";

export const COACH = "cleo@example.org";
export const OTHER_COACH = "cas@example.org";
export const COACHEE = "dana@example.org";
export const OTHER_COACHEE = "eli@example.org";
export const SPONSOR = "sam@example.org";
export const OUTSIDER = "olga@example.org";

export type CoachingWorld = {
  t: TestApp;
  admin: Client;
  coordinator: Client;
  coach: Client;
  otherCoach: Client;
  coachee: Client;
  otherCoachee: Client;
  /** Signed in once they accepted their sponsor invitation (see `joinAsSponsor`). */
  sponsor: Client;
  outsider: Client;
  programmeId: string;
  packageId: string;
  enrolmentOf(email: string): Promise<string>;
  /** The coordinator assigns the coach to the coachee directly (the programme starts pairs at once). */
  engagement(options?: { coachee?: string; coach?: string; sponsor?: boolean; startDate?: string; packageId?: string }): Promise<string>;
  /** The sponsor accepts the invitation mailed for an engagement, and is signed in as `sponsor`. */
  joinAsSponsor(mail?: MailMessage[]): Promise<void>;
  /** Everyone but the coach and the coachee of an engagement, with a label. */
  nonParticipants(): [string, Client][];
};

export const today = () => new Date().toISOString().slice(0, 10);
export const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A running coaching programme (pairs start at once) with a coordinator who is not an
 * admin, two coaches (London, and Lisbon) and two coachees, a sponsor-to-be and an outsider.
 */
export async function coachingWorld(): Promise<CoachingWorld> {
  const t = await createTestApp();
  const admin = await setUpAdmin(t.app);
  const pool = await programmeWithPool(
    t.app,
    admin,
    "Leadership coaching",
    [
      `${COACH},Cleo Coach,coach,15,Code review:5;Go:4,technical skills,,Europe/London,English,3,`,
      `${OTHER_COACH},Cas Coach,coach,9,Go:4,technical skills,,Europe/Lisbon,English,2,`,
      `${COACHEE},Dana Coachee,coachee,4,Code review:2,,technical skills,Europe/Berlin,English,,boss@example.org`,
      `${OTHER_COACHEE},Eli Coachee,coachee,2,Go:1,,technical skills,Europe/Paris,English,,`,
    ],
    { type: "coaching", acceptance: "auto", termStart: daysFromToday(-7), termEnd: daysFromToday(200) },
  );
  const programmeId = pool.programme.id as string;
  const coordinator = await createUserClient(t.app, admin, "cora@example.org", "Cora Coordinator");
  expect(
    (await admin.post(`/api/programmes/${programmeId}/members`, { email: "cora@example.org", role: "coordinator" })).statusCode,
  ).toBeLessThan(300);
  const outsider = await createUserClient(t.app, admin, OUTSIDER, "Olga Outsider");
  const packages = (await coordinator.get(`/api/programmes/${programmeId}/coaching/packages`)).json();
  const packageId = packages.items[0].id as string;
  const userId = async (c: Client) => (await c.get("/api/auth/session")).json().user.id as string;
  const enrolmentOf = async (email: string) => {
    const who = {
      [COACH]: pool.people[COACH],
      [OTHER_COACH]: pool.people[OTHER_COACH],
      [COACHEE]: pool.people[COACHEE],
      [OTHER_COACHEE]: pool.people[OTHER_COACHEE],
    }[email];
    if (!who) throw new Error(`no participant ${email}`);
    return (await findEnrolmentOfUser(t.ctx.db, programmeId, await userId(who))).id;
  };
  const sponsor = new Client(t.app);
  sponsor.ip = "198.51.100.77";
  const world: CoachingWorld = {
    t,
    admin,
    coordinator,
    coach: pool.people[COACH],
    otherCoach: pool.people[OTHER_COACH],
    coachee: pool.people[COACHEE],
    otherCoachee: pool.people[OTHER_COACHEE],
    sponsor,
    outsider,
    programmeId,
    packageId,
    enrolmentOf,
    async engagement(options = {}) {
      const res = await coordinator.post(`/api/programmes/${programmeId}/coaching/engagements`, {
        coacheeEnrolmentId: await enrolmentOf(options.coachee ?? COACHEE),
        coachEnrolmentId: await enrolmentOf(options.coach ?? COACH),
        packageId: options.packageId ?? packageId,
        startDate: options.startDate ?? today(),
        ...(options.sponsor ? { sponsorEmail: SPONSOR } : {}),
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    },
    async joinAsSponsor(taken) {
      const mail = (taken ?? (await takeMail(t))).find((m) => m.to === SPONSOR && m.text.includes("/invitations/"));
      if (!mail) throw new Error("no sponsor invitation was mailed");
      const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
      const res = await sponsor.post(`/api/invitations/${token}/accept`, {
        answers: {},
        account: { name: "Sam Sponsor", password: "a long enough password" },
      });
      expect(res.statusCode, res.body).toBe(201);
    },
    nonParticipants() {
      return [
        ["the sponsor", sponsor],
        ["the coordinator", coordinator],
        ["another coach", pool.people[OTHER_COACH]],
        ["another coachee", pool.people[OTHER_COACHEE]],
        ["an outsider", outsider],
        ["the instance admin", admin],
      ];
    },
  };
  return world;
}

/** A session that took place `daysAgo` days ago, logged by the coach. */
export async function logHeldSession(w: CoachingWorld, engagementId: string, daysAgo: number, startTime = "10:00") {
  const res = await w.coach.post(`/api/relationships/${engagementId}/sessions`, {
    date: daysFromToday(-daysAgo),
    startTime,
    timeZone: "Europe/London",
    held: true,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().sessions[0].id as string;
}

export async function scheduleSession(w: CoachingWorld, engagementId: string, inDays: number, startTime = "10:00") {
  return w.coach.post(`/api/relationships/${engagementId}/sessions`, { date: daysFromToday(inDays), startTime, timeZone: "Europe/London" });
}

export const rubric = (title: string, raters: string[] = ["coachee", "coach"]) => ({
  title,
  measure: { kind: "rubric", anchors: { low: "Rarely", mid: "Sometimes", high: "Consistently" } },
  direction: "higher",
  target: 8,
  raters,
});
