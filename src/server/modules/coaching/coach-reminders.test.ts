import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendAgendaReminders } from "../growth/agenda-reminders.js";
import { sendFollowUpReminders } from "../growth/follow-up-reminders.js";
import { sendMentorDigests } from "../growth/mentor-digest.js";
import { sendWeeklyReflectionPrompts } from "../growth/weekly-reflection-prompts.js";
import { takeMail } from "../workspace/test-pair.js";
import { sendMeasurementReminders, sendSummaryReminders } from "./coach-reminders.js";
import {
  COACH,
  COACHEE,
  type CoachingWorld,
  coachingWorld,
  daysFromToday,
  logHeldSession,
  rubric,
  scheduleSession,
} from "./coaching-fixture.js";

/** In coaching the coach drives, so every nudge goes to the coach — never to the coachee. */
let w: CoachingWorld;
let e: string;
const HOUR = 3_600_000;

beforeAll(async () => {
  w = await coachingWorld();
  e = await w.engagement();
  await takeMail(w.t);
});
afterAll(() => w.t.close());

const to = async () => (await takeMail(w.t)).map((m) => [m.to, m.subject]);

describe("reminders in coaching", () => {
  it("reminds the coach, not the coachee, to prepare an agenda that is not shared", async () => {
    const session = (await scheduleSession(w, e, 3)).json().sessions[0];
    await takeMail(w.t);
    const start = new Date(session.startsAt).getTime();
    expect(await sendAgendaReminders(w.t.ctx, new Date(start - 25 * HOUR))).toBe(0);
    expect(await sendAgendaReminders(w.t.ctx, new Date(start - 2 * HOUR))).toBe(1);
    // Once: a rerun (a retry, another process) sends nothing more.
    expect(await sendAgendaReminders(w.t.ctx, new Date(start - HOUR))).toBe(0);
    expect(await to()).toEqual([[COACH, expect.stringMatching(/^Your agenda for .* is not shared yet$/)]]);
    // A shared agenda needs no reminder.
    const other = (await scheduleSession(w, e, 5)).json().sessions[0];
    await w.coach.request("PUT", `/api/relationships/${e}/sessions/${other.id}/agenda`, { version: 0, sections: { purpose: "Plan" } });
    await w.coach.post(`/api/relationships/${e}/sessions/${other.id}/agenda/share`);
    await takeMail(w.t);
    expect(await sendAgendaReminders(w.t.ctx, new Date(new Date(other.startsAt).getTime() - HOUR))).toBe(0);
  });

  it("reminds the coach once to share a session's summary, from an hour after it ends", async () => {
    const held = await logHeldSession(w, e, 2);
    await takeMail(w.t);
    expect(await sendSummaryReminders(w.t.ctx)).toBe(1);
    expect(await sendSummaryReminders(w.t.ctx)).toBe(0);
    expect(await to()).toEqual([[COACH, "Share the summary of your session with Dana Coachee"]]);
    // A shared summary stops it for good; a later session gets its own.
    await w.coach.request("PUT", `/api/engagements/${e}/sessions/${held}/summary`, { version: 0, body: "Good session" });
    await w.coach.post(`/api/engagements/${e}/sessions/${held}/summary/share`);
    const later = await logHeldSession(w, e, 1, "15:00");
    await takeMail(w.t);
    expect(await sendSummaryReminders(w.t.ctx)).toBe(1);
    expect((await takeMail(w.t))[0].text).toContain(`/sessions/${later}`);
  });

  it("asks the coach for baselines while contracting, and for finals when the engagement is about to close", async () => {
    await w.coach.post(`/api/engagements/${e}/outcomes`, rubric("Runs a retro"));
    const now = new Date();
    expect(await sendMeasurementReminders(w.t.ctx, now)).toBe(1);
    // Weekly at most.
    expect(await sendMeasurementReminders(w.t.ctx, new Date(now.getTime() + HOUR))).toBe(0);
    expect(await to()).toEqual([[COACH, "1 outcome of Dana Coachee needs a baseline rating"]]);
    const outcome = (await w.coach.get(`/api/engagements/${e}/outcomes`)).json().outcomes[0];
    await w.coach.request("PUT", `/api/engagements/${e}/outcomes/${outcome.id}/measurements/baseline`, { value: 3 });
    await w.coach.post(`/api/engagements/${e}/agreement`);
    await w.coachee.post(`/api/engagements/${e}/agreement`);
    // Under way and far from its end: nothing due.
    expect(await sendMeasurementReminders(w.t.ctx, new Date(now.getTime() + 8 * 86_400_000))).toBe(0);
    // The last fortnight of the period: finals are due.
    const ends = (await w.coach.get(`/api/engagements/${e}`)).json().package.endsOn as string;
    const lateInPeriod = new Date(`${ends}T09:00:00Z`);
    expect(lateInPeriod.toISOString().slice(0, 10) > daysFromToday(30)).toBe(true);
    expect(await sendMeasurementReminders(w.t.ctx, lateInPeriod)).toBe(1);
    expect(await to()).toEqual([[COACH, "1 outcome of Dana Coachee needs a final rating"]]);
  });

  it("sends the coachee none of mentoring's nudges either", async () => {
    const weekLater = new Date(Date.now() + 7 * 86_400_000);
    await sendFollowUpReminders(w.t.ctx, weekLater);
    await sendWeeklyReflectionPrompts(w.t.ctx, weekLater);
    await sendMentorDigests(w.t.ctx, weekLater);
    await sendSummaryReminders(w.t.ctx, weekLater);
    await sendAgendaReminders(w.t.ctx, weekLater);
    expect((await to()).filter(([address]) => address === COACHEE)).toEqual([]);
  });

  it("respects a coach who switched measurement reminders off", async () => {
    const res = await w.coach.request("PUT", "/api/me/notifications", { enabled: { measurement_reminder: false } });
    expect(res.statusCode, res.body).toBe(200);
    const ends = (await w.coach.get(`/api/engagements/${e}`)).json().package.endsOn as string;
    expect(await sendMeasurementReminders(w.t.ctx, new Date(`${ends}T09:00:00Z`))).toBe(0);
  });
});
