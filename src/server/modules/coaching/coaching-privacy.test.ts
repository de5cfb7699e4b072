import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MailMessage } from "../../platform/mail.js";
import { sendAgendaReminders } from "../growth/agenda-reminders.js";
import { takeMail } from "../workspace/test-pair.js";
import { sendMeasurementReminders, sendSummaryReminders } from "./coach-reminders.js";
import { type CoachingWorld, coachingWorld, daysFromToday, logHeldSession, scheduleSession } from "./coaching-fixture.js";

/**
 * Marker text in every field coach and coachee write. The sponsor and the coordinator must
 * never meet it: not in any response they can get, not in any email, not in an export, and
 * no log line may carry it. Outcome wording is the agreed contract the sponsor shares in,
 * but it stays out of the coordinator's view, out of email and out of logs; stakeholders'
 * names are the pair's to know.
 */
const CONTENT = {
  agenda: "PURPLE-AGENDA-7731",
  topic: "PURPLE-TOPIC-7732",
  comment: "PURPLE-COMMENT-7733",
  privateNote: "PURPLE-PRIVATE-7734",
  summary: "PURPLE-SUMMARY-7735",
  exerciseTitle: "PURPLE-EXERCISE-7736",
  exerciseInstructions: "PURPLE-INSTRUCTIONS-7737",
  exerciseResponse: "PURPLE-RESPONSE-7738",
  plan: "PURPLE-PLAN-7739",
  endNote: "PURPLE-END-7740",
};
const OUTCOME_WORDS = "AMBER-OUTCOME-8801";
const STAKEHOLDER = "AMBER-STAKEHOLDER-8802";

let w: CoachingWorld;
let e: string;
let ended: string;
let held: string;
const mail: MailMessage[] = [];
const collect = async () => mail.push(...(await takeMail(w.t)));

beforeAll(async () => {
  w = await coachingWorld();
  e = await w.engagement({ sponsor: true });
  const invitation = await takeMail(w.t);
  mail.push(...invitation);
  await w.joinAsSponsor(invitation);
  held = await logHeldSession(w, e, 3);
  // Held yesterday, summary not shared yet: the coach gets a summary reminder.
  const unsummarised = await logHeldSession(w, e, 1);
  const upcoming = (await scheduleSession(w, e, 2)).json().sessions[0];
  await w.coach.request("PUT", `/api/engagements/${e}/sessions/${unsummarised}/summary`, { version: 0, body: CONTENT.summary });
  for (const s of [held, upcoming.id]) {
    await w.coach.request("PUT", `/api/relationships/${e}/sessions/${s}/agenda`, {
      version: 0,
      sections: { purpose: CONTENT.agenda, activities: CONTENT.agenda },
    });
    await w.coachee.post(`/api/relationships/${e}/sessions/${s}/agenda/topics`, { body: CONTENT.topic });
  }
  await w.coach.post(`/api/relationships/${e}/sessions/${held}/agenda/share`);
  await w.coachee.post(`/api/relationships/${e}/sessions/${held}/agenda/comments`, { body: CONTENT.comment });
  await w.coach.request("PUT", `/api/relationships/${e}/notes/private`, { baseVersion: 0, body: CONTENT.privateNote, sessionId: held });
  await w.coachee.request("PUT", `/api/relationships/${e}/notes/private`, { baseVersion: 0, body: CONTENT.privateNote });
  await w.coach.request("PUT", `/api/engagements/${e}/sessions/${held}/summary`, { version: 0, body: CONTENT.summary });
  await w.coach.post(`/api/engagements/${e}/sessions/${held}/summary/share`);
  const exercise = (
    await w.coach.post(`/api/engagements/${e}/exercises`, {
      title: CONTENT.exerciseTitle,
      instructions: CONTENT.exerciseInstructions,
      dueOn: daysFromToday(-1),
    })
  ).json();
  await w.coachee.patch(`/api/engagements/${e}/exercises/${exercise.id}`, {
    version: exercise.version,
    done: true,
    response: CONTENT.exerciseResponse,
  });
  await w.coach.request("PUT", `/api/engagements/${e}/session-plan`, {
    version: 0,
    entries: [{ title: CONTENT.plan, purpose: CONTENT.plan, activities: CONTENT.plan }],
  });
  const board = (
    await w.coach.post(`/api/engagements/${e}/outcomes`, {
      title: OUTCOME_WORDS,
      measure: { kind: "rubric", anchors: { low: OUTCOME_WORDS, mid: OUTCOME_WORDS, high: OUTCOME_WORDS } },
      target: 8,
      raters: ["coachee", "coach", "sponsor", "stakeholders"],
    })
  ).json();
  await w.coach.post(`/api/engagements/${e}/stakeholders`, { name: STAKEHOLDER, email: "stake@example.org", relation: STAKEHOLDER });
  await w.coach.post(`/api/engagements/${e}/rating-requests`, { phase: "baseline" });
  await w.coachee.request("PUT", `/api/engagements/${e}/outcomes/${board.outcomes[0].id}/measurements/baseline`, { value: 3 });
  // A second engagement that ended early, with the pair's own words about why.
  ended = await w.engagement({ coachee: "eli@example.org", coach: "cas@example.org" });
  await w.otherCoachee.post(`/api/relationships/${ended}/end`, { category: "fit", note: CONTENT.endNote });
  // Every nudge the coach can get, so their emails are searched too (clocks set relative to the sessions).
  const upcomingStart = new Date(upcoming.startsAt).getTime();
  expect(await sendAgendaReminders(w.t.ctx, new Date(upcomingStart - 3_600_000))).toBe(1);
  expect(await sendSummaryReminders(w.t.ctx)).toBe(1);
  expect(await sendMeasurementReminders(w.t.ctx, new Date(Date.now() + 120 * 86_400_000))).toBe(1);
  await collect();
});
afterAll(() => w.t.close());

const contentIn = (text: string) => Object.values(CONTENT).filter((marker) => text.includes(marker));
const anyMarker = (text: string) => [...Object.values(CONTENT), OUTCOME_WORDS, STAKEHOLDER].filter((m) => text.includes(m));

describe("the coaching content stays with coach and coachee", () => {
  it("is really there for them (so the checks below can fail)", async () => {
    const coach = [
      await w.coach.get(`/api/relationships/${e}/sessions?when=all`),
      await w.coach.get(`/api/engagements/${e}/exercises`),
      await w.coach.get(`/api/engagements/${e}/session-plan`),
      await w.coach.get(`/api/engagements/${e}/stakeholders`),
      await w.coach.get(`/api/engagements/${e}/outcomes`),
      await w.coach.get(`/api/relationships/${e}/notes/private?sessionId=${held}`),
    ]
      .map((r) => r.body)
      .join("");
    expect(coach).toContain(CONTENT.exerciseResponse);
    expect(coach).toContain(CONTENT.plan);
    expect(coach).toContain(STAKEHOLDER);
    expect(coach).toContain(OUTCOME_WORDS);
    expect(coach).toContain(CONTENT.privateNote);
  });

  it("never reaches the sponsor: their screen, the engagement, the outcomes, and every content route answers 404", async () => {
    const bodies = [
      await w.sponsor.get("/api/coaching/sponsored"),
      await w.sponsor.get(`/api/engagements/${e}`),
      await w.sponsor.get(`/api/engagements/${e}/outcomes`),
      await w.sponsor.get("/api/coaching/dashboard"),
      await w.sponsor.get(`/api/programmes/${w.programmeId}`),
    ].map((r) => r.body);
    for (const body of bodies) {
      expect(contentIn(body)).toEqual([]);
      expect(body).not.toContain(STAKEHOLDER);
    }
    // The agreed outcomes are the sponsor's to see.
    expect(bodies[0]).toContain(OUTCOME_WORDS);
    for (const url of [
      `/api/engagements/${e}/exercises`,
      `/api/engagements/${e}/session-plan`,
      `/api/engagements/${e}/stakeholders`,
      `/api/relationships/${e}/sessions`,
      `/api/relationships/${e}/notes/private`,
      `/api/relationships/${e}/overview`,
    ])
      expect((await w.sponsor.get(url)).statusCode, url).toBe(404);
  });

  it("never reaches the coordinator: overview, engagement, pairs, pair health, directory and export", async () => {
    const p = w.programmeId;
    const bodies = [
      await w.coordinator.get(`/api/programmes/${p}/coaching/overview`),
      await w.coordinator.get(`/api/engagements/${e}`),
      await w.coordinator.get(`/api/engagements/${ended}`),
      await w.coordinator.get(`/api/programmes/${p}/coaching/shortlists`),
      await w.coordinator.get(`/api/programmes/${p}/coaching/coaches`),
      await w.coordinator.get(`/api/programmes/${p}/relationships`),
      await w.coordinator.get(`/api/programmes/${p}/pairs-health?show=all`),
      await w.coordinator.get(`/api/programmes/${p}/enrolments`),
      await w.coordinator.get(`/api/programmes/${p}/enrolments/export`),
    ].map((r) => r.body);
    for (const body of bodies) expect(anyMarker(body)).toEqual([]);
    const overview = JSON.parse(bodies[0]);
    expect(overview.engagements.items).toHaveLength(2);
    for (const url of [
      `/api/engagements/${e}/outcomes`,
      `/api/engagements/${e}/exercises`,
      `/api/engagements/${e}/sessions/${"0".repeat(8)}-0000-0000-0000-000000000000/summary`,
    ])
      expect((await w.coordinator.get(url)).statusCode, url).toBe(404);
  });

  it("is in no email, to anyone — outcome wording and stakeholder names included", () => {
    const recipients = new Set(mail.map((m) => m.to));
    // The sponsor, the stakeholder and the coach all got mail that the checks cover.
    expect([...recipients]).toEqual(
      expect.arrayContaining(["sam@example.org", "stake@example.org", "cleo@example.org", "cora@example.org"]),
    );
    expect(mail.map((m) => m.subject)).toEqual(
      expect.arrayContaining([
        "Dana Coachee asks for your rating",
        "Share the summary of your session with Dana Coachee",
        "1 outcome of Dana Coachee needs a final rating",
      ]),
    );
    // A stakeholder is greeted by their own name; nobody else's mail names them.
    for (const m of mail) {
      const found = anyMarker(`${m.subject}\n${m.text}`);
      expect(found, `${m.to}: ${m.subject}`).toEqual(m.to === "stake@example.org" ? [STAKEHOLDER] : []);
    }
  });

  it("is in no log line", () => {
    expect(anyMarker(w.t.logs.join("\n"))).toEqual([]);
  });
});
