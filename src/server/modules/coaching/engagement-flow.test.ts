import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../platform/db.js";
import { takeMail } from "../workspace/test-pair.js";
import {
  COACH,
  COACHEE,
  type CoachingWorld,
  coachingWorld,
  daysFromToday,
  logHeldSession,
  OTHER_COACH,
  rubric,
  SPONSOR,
  scheduleSession,
  today,
} from "./coaching-fixture.js";

let w: CoachingWorld;
beforeAll(async () => {
  w = await coachingWorld();
});
afterAll(() => w.t.close());

describe("a coaching programme starts usable", () => {
  it("ships a default package and Grove's two plan templates, and a coach form without volunteer questions", async () => {
    const packages = (await w.coordinator.get(`/api/programmes/${w.programmeId}/coaching/packages`)).json();
    expect(packages.items).toEqual([expect.objectContaining({ sessions: 6, sessionMinutes: 60, periodWeeks: 12, archived: false })]);
    const templates = (await w.coach.get(`/api/programmes/${w.programmeId}/coaching/plan-templates`)).json();
    expect(templates.items.map((t: { entries: unknown[]; shipped: boolean }) => [t.entries.length, t.shipped])).toEqual([
      [6, true],
      [4, true],
    ]);
    const form = (await w.coordinator.get(`/api/programmes/${w.programmeId}/forms/coach`)).json();
    const keys = form.questions.map((q: { key: string }) => q.key);
    expect(keys).not.toContain("prefer_mentees");
    expect(keys).toContain("credentials");
    expect((await w.coordinator.get(`/api/programmes/${w.programmeId}/forms/mentor`)).statusCode).toBe(404);
  });

  it("refuses mentoring's ways of pairing, and mentoring refuses coaching's", async () => {
    const round = await w.coordinator.post(`/api/programmes/${w.programmeId}/match-rounds`, {});
    expect(round.statusCode).toBe(409);
    expect(round.json().error.code).toBe("not_in_coaching");
    const selfMatch = await w.coordinator.patch(`/api/programmes/${w.programmeId}`, { version: 1, matchMode: "self" });
    expect(selfMatch.statusCode).toBeGreaterThanOrEqual(400);
    const mentoring = (await w.admin.post("/api/programmes", { name: "Plain mentoring" })).json();
    const packages = await w.admin.get(`/api/programmes/${mentoring.id}/coaching/packages`);
    expect(packages.statusCode).toBe(409);
    expect(packages.json().error.code).toBe("not_in_mentoring");
  });
});

let sponsorInvitation: Awaited<ReturnType<typeof takeMail>> = [];

describe("from shortlist to accepted engagement", () => {
  let shortlistId: string;

  it("shortlists the coaches that fit, best first, each with a per-factor explanation", async () => {
    const res = await w.coordinator.post(`/api/programmes/${w.programmeId}/coaching/shortlists`, {
      coacheeEnrolmentIds: [await w.enrolmentOf(COACHEE)],
      size: 2,
      packageId: w.packageId,
      sponsorEmail: SPONSOR,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().made).toHaveLength(1);
    const mine = (await w.coachee.get(`/api/programmes/${w.programmeId}/coaching/my-shortlist`)).json().shortlist;
    shortlistId = mine.id;
    // Cleo's code-review specialism fits what Dana targets better than Cas's Go.
    expect(mine.coaches.map((c: { profile: { name: string } }) => c.profile.name)).toEqual(["Cleo Coach", "Cas Coach"]);
    const cleo = mine.coaches[0];
    expect(cleo.factors.map((f: { label: string }) => f.label)).toContain("Specialisms against the skills targeted");
    expect(cleo.factors.every((f: { weight: number }) => f.weight > 0)).toBe(true);
    expect(cleo.reasons.join(" ")).not.toMatch(/\bmentor|\bmentee/);
    expect(cleo.profile).toMatchObject({ specialisms: ["Code Review", "Go"], timeZones: ["Europe/London"], languages: ["English"] });
    const mail = (await takeMail(w.t)).filter((m) => m.to === COACHEE);
    expect(mail.map((m) => m.subject)).toEqual(["Choose your coach in Leadership coaching"]);
  });

  it("records chemistry calls without touching any package, and lets the coachee see the offered profile", async () => {
    const coachId = await w.enrolmentOf(COACH);
    const res = await w.coachee.post(`/api/coaching/shortlists/${shortlistId}/chemistry-calls`, {
      coachEnrolmentId: coachId,
      at: new Date(Date.now() + 86_400_000).toISOString(),
      minutes: 20,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().coaches[0].chemistryCalls).toEqual([expect.objectContaining({ minutes: 20, status: "planned" })]);
    expect((await takeMail(w.t)).map((m) => [m.to, m.subject])).toEqual([[COACH, "Chemistry call with Dana Coachee"]]);
    // The coach sees it on their dashboard and may mark it held.
    const dash = (await w.coach.get("/api/coaching/dashboard")).json();
    expect(dash.chemistryCalls).toHaveLength(1);
    const held = await w.coach.patch(`/api/coaching/shortlists/${shortlistId}/chemistry-calls/${dash.chemistryCalls[0].callId}`, {
      status: "held",
    });
    expect(held.json()).toMatchObject({ status: "held" });
    expect((await w.coachee.get(`/api/programmes/${w.programmeId}/coaching/coaches/${coachId}`)).statusCode).toBe(200);
    // Another coachee, to whom Cleo was not offered, does not see her profile.
    expect((await w.otherCoachee.get(`/api/programmes/${w.programmeId}/coaching/coaches/${coachId}`)).statusCode).toBe(404);
  });

  it("makes a proposed engagement when the coachee picks, which starts when the coach accepts", async () => {
    const coachId = await w.enrolmentOf(COACH);
    const picked = await w.coachee.post(`/api/coaching/shortlists/${shortlistId}/pick`, { coachEnrolmentId: coachId });
    expect(picked.statusCode, picked.body).toBe(200);
    const engagementId = picked.json().engagementId as string;
    expect(picked.json().status).toBe("picked");
    const again = await w.coachee.post(`/api/coaching/shortlists/${shortlistId}/pick`, { coachEnrolmentId: coachId });
    expect(again.json().error.code).toBe("already_picked");
    const mail = await takeMail(w.t);
    sponsorInvitation = mail;
    expect(mail.map((m) => [m.to, m.subject])).toEqual(
      expect.arrayContaining([
        [COACH, "Dana Coachee chose you as their coach"],
        [SPONSOR, expect.stringContaining("invites you to Leadership coaching")],
      ]),
    );
    expect((await w.coachee.get(`/api/engagements/${engagementId}`)).json().stage).toBe("proposed");
    expect((await w.coach.post(`/api/relationships/${engagementId}/accept`, {})).statusCode).toBe(200);
    const engagement = (await w.coach.get(`/api/engagements/${engagementId}`)).json();
    expect(engagement).toMatchObject({ stage: "contracting", myRole: "coach", package: { sessions: 6, used: 0, remaining: 6 } });
    expect(engagement.sponsor).toMatchObject({ email: SPONSOR, joined: false });
  });

  it("reopens a shortlist when the picked coach declines, and keeps that coach out of the next pick", async () => {
    const other = await w.enrolmentOf("eli@example.org");
    await w.coordinator.post(`/api/programmes/${w.programmeId}/coaching/shortlists`, {
      coacheeEnrolmentIds: [other],
      size: 2,
      packageId: w.packageId,
    });
    const list = (await w.otherCoachee.get(`/api/programmes/${w.programmeId}/coaching/my-shortlist`)).json().shortlist;
    const cas = await w.enrolmentOf(OTHER_COACH);
    const picked = (await w.otherCoachee.post(`/api/coaching/shortlists/${list.id}/pick`, { coachEnrolmentId: cas })).json();
    expect(
      (await w.otherCoach.post(`/api/relationships/${picked.engagementId}/decline`, { reason: "No room this quarter" })).statusCode,
    ).toBe(200);
    const reopened = (await w.otherCoachee.get(`/api/programmes/${w.programmeId}/coaching/my-shortlist`)).json().shortlist;
    expect(reopened).toMatchObject({ status: "open", engagementId: null, declinedBy: [cas] });
    const refused = await w.otherCoachee.post(`/api/coaching/shortlists/${list.id}/pick`, { coachEnrolmentId: cas });
    expect(refused.json().error.code).toBe("coach_declined");
    const summaries = (await w.coordinator.get(`/api/programmes/${w.programmeId}/coaching/shortlists?status=open`)).json();
    expect(summaries.items.map((s: { coachee: { name: string } }) => s.coachee.name)).toEqual(["Eli Coachee"]);
  });
});

describe("the coach leads, the package counts, the outcomes decide", () => {
  let id: string;
  beforeAll(async () => {
    const [r] = await queryRows<{ id: string }>(
      w.t.ctx.db,
      sql`select relationship_id as id from coaching_engagements e join relationships r on r.id = e.relationship_id where r.status = 'active'`,
    );
    id = r.id;
  });

  it("lets the coach write the agenda and the coachee only add topics beside it", async () => {
    const session = (await scheduleSession(w, id, 3)).json().sessions[0];
    // The agenda is the coach's: to the coach it is simply not written yet, to the coachee not shared.
    expect(session).toMatchObject({ title: "Coaching session", agenda: "none" });
    expect((await w.coachee.get(`/api/relationships/${id}/sessions/${session.id}`)).json().agenda).toBe("not_shared");
    const coacheeWrites = await w.coachee.request("PUT", `/api/relationships/${id}/sessions/${session.id}/agenda`, {
      version: 0,
      sections: { purpose: "mine" },
    });
    expect(coacheeWrites.statusCode).toBe(403);
    expect(coacheeWrites.json().error.code).toBe("agenda_coach_only");
    const mentoringSection = await w.coach.request("PUT", `/api/relationships/${id}/sessions/${session.id}/agenda`, {
      version: 0,
      sections: { went_well: "x" },
    });
    expect(mentoringSection.statusCode).toBe(400);
    const saved = await w.coach.request("PUT", `/api/relationships/${id}/sessions/${session.id}/agenda`, {
      version: 0,
      sections: { purpose: "Contracting" },
    });
    expect(saved.json()).toMatchObject({ author: "mentor", canEdit: true, status: "draft" });
    expect((await w.coachee.get(`/api/relationships/${id}/sessions/${session.id}/agenda`)).json()).toMatchObject({
      status: "not_shared",
      sections: null,
    });
    const topic = await w.coachee.post(`/api/relationships/${id}/sessions/${session.id}/agenda/topics`, { body: "Feedback to a peer" });
    expect(topic.statusCode).toBe(201);
    const asCoach = (await w.coach.get(`/api/relationships/${id}/sessions/${session.id}/agenda`)).json();
    expect(asCoach.topics).toEqual([expect.objectContaining({ body: "Feedback to a peer", mine: false })]);
    expect((await w.coach.post(`/api/relationships/${id}/sessions/${session.id}/agenda/topics`, { body: "x" })).statusCode).toBe(403);
    await w.coach.post(`/api/relationships/${id}/sessions/${session.id}/agenda/share`);
    expect((await w.coachee.get(`/api/relationships/${id}/sessions/${session.id}/agenda`)).json().status).toBe("shared");
  });

  it("has no GROW goals, action items, shared notes or continuation question in coaching", async () => {
    const goal = await w.coachee.post(`/api/relationships/${id}/goals`, { title: "Grow" });
    expect([goal.statusCode, goal.json().error.code]).toEqual([409, "not_in_coaching"]);
    const item = await w.coach.post(`/api/relationships/${id}/action-items`, { title: "Do", owner: "mentee" });
    expect([item.statusCode, item.json().error.code]).toEqual([409, "not_in_coaching"]);
    const shared = await w.coach.request("PUT", `/api/relationships/${id}/notes/shared`, { baseVersion: 0, body: "x" });
    expect([shared.statusCode, shared.json().error.code]).toEqual([409, "not_in_coaching"]);
    const cont = await w.coachee.post(`/api/relationships/${id}/continuation`, { continue: true });
    expect([cont.statusCode, cont.json().error.code]).toEqual([409, "not_in_coaching"]);
    // Private notes stay: the coach's are the coach's.
    expect((await w.coach.request("PUT", `/api/relationships/${id}/notes/private`, { baseVersion: 0, body: "my note" })).statusCode).toBe(
      200,
    );
    expect((await w.coach.get(`/api/relationships/${id}/overview`)).json().continuation.open).toBe(false);
  });

  it("starts the plan from a template, which only the coach writes", async () => {
    const templates = (await w.coach.get(`/api/programmes/${w.programmeId}/coaching/plan-templates`)).json().items;
    const plan = await w.coach.post(`/api/engagements/${id}/session-plan/from-template`, { version: 0, templateId: templates[0].id });
    expect(plan.statusCode, plan.body).toBe(200);
    expect(plan.json()).toMatchObject({ templateName: "Skills engagement (six sessions)", packageSessions: 6, version: 1, canEdit: true });
    expect(plan.json().entries[0].sessionId).not.toBeNull();
    const byCoachee = await w.coachee.request("PUT", `/api/engagements/${id}/session-plan`, {
      version: 1,
      entries: [{ title: "x", purpose: "", activities: "" }],
    });
    expect(byCoachee.statusCode).toBe(403);
    expect((await w.coachee.get(`/api/engagements/${id}/session-plan`)).json().canEdit).toBe(false);
  });

  it("counts sessions against the package, refuses one beyond it, and takes more after a recorded extension", async () => {
    // One scheduled already; log three held, then two more fill the six.
    for (const d of [20, 13, 6]) await logHeldSession(w, id, d);
    expect((await scheduleSession(w, id, 10)).statusCode).toBe(201);
    expect((await scheduleSession(w, id, 17)).statusCode).toBe(201);
    const full = await scheduleSession(w, id, 24);
    expect(full.statusCode).toBe(409);
    expect(full.json().error).toMatchObject({ code: "package_exhausted" });
    expect(full.json().error.message).toContain("6 in all: 3 used, 3 booked");
    const late = await w.coach.post(`/api/relationships/${id}/sessions`, {
      date: daysFromToday(200),
      startTime: "10:00",
      timeZone: "Europe/London",
    });
    expect(late.json().error.code).toBe("package_exhausted");
    // Only a coordinator extends, with a reason; the coach and coachee are told, without it.
    expect((await w.coach.post(`/api/engagements/${id}/extensions`, { sessions: 1, reason: "More" })).statusCode).toBe(403);
    const extended = await w.coordinator.post(`/api/engagements/${id}/extensions`, {
      sessions: 1,
      weeks: 0,
      reason: "Sponsor approved one more",
    });
    expect(extended.statusCode, extended.body).toBe(201);
    expect(extended.json().package).toMatchObject({ sessions: 7, remaining: 1 });
    expect(extended.json().extensions).toEqual([
      expect.objectContaining({ sessions: 1, reason: "Sponsor approved one more", by: "Cora Coordinator" }),
    ]);
    expect((await scheduleSession(w, id, 24)).statusCode).toBe(201);
    const periodOver = await w.coordinator.post(`/api/engagements/${id}/extensions`, { sessions: 1, reason: "Once more" });
    expect(periodOver.statusCode).toBe(201);
    const afterPeriod = await w.coach.post(`/api/relationships/${id}/sessions`, {
      date: daysFromToday(120),
      startTime: "10:00",
      timeZone: "Europe/London",
    });
    expect(afterPeriod.json().error.code).toBe("package_period_over");
    const mail = await takeMail(w.t);
    expect(
      mail
        .filter((m) => m.subject.includes("was extended"))
        .map((m) => m.to)
        .sort(),
    ).toEqual([COACH, COACHEE, COACH, COACHEE].sort());
    expect(mail.map((m) => m.text).join("\n")).not.toContain("Sponsor approved one more");
  });

  it("agrees outcomes only once each has a target and a baseline, and with the sponsor once there is one", async () => {
    const board = await w.coach.post(
      `/api/engagements/${id}/outcomes`,
      rubric("Gives clear review feedback", ["coachee", "coach", "sponsor", "stakeholders"]),
    );
    expect(board.statusCode, board.body).toBe(201);
    await w.coach.post(`/api/engagements/${id}/outcomes`, {
      title: "Review turnaround",
      measure: { kind: "number", unit: "hours to first review" },
      direction: "lower",
      target: 4,
      raters: ["coachee"],
    });
    const outcomes = (await w.coach.get(`/api/engagements/${id}/outcomes`)).json().outcomes;
    expect(outcomes.map((o: { title: string }) => o.title)).toEqual(["Gives clear review feedback", "Review turnaround"]);
    const early = await w.coach.post(`/api/engagements/${id}/agreement`);
    expect(early.statusCode).toBe(422);
    expect(early.json().error.details.problems.map((p: { message: string }) => p.message)).toEqual([
      '"Gives clear review feedback" needs a baseline rating.',
      '"Review turnaround" needs a baseline rating.',
    ]);
    // Final before agreement is refused; a rating out of the rubric's range is refused.
    expect(
      (await w.coach.request("PUT", `/api/engagements/${id}/outcomes/${outcomes[0].id}/measurements/final`, { value: 5 })).json().error
        .code,
    ).toBe("outcomes_not_agreed");
    expect(
      (await w.coach.request("PUT", `/api/engagements/${id}/outcomes/${outcomes[0].id}/measurements/baseline`, { value: 11 })).statusCode,
    ).toBe(400);
    await w.coachee.request("PUT", `/api/engagements/${id}/outcomes/${outcomes[0].id}/measurements/baseline`, { value: 3 });
    await w.coach.request("PUT", `/api/engagements/${id}/outcomes/${outcomes[0].id}/measurements/baseline`, { value: 4 });
    const notRater = await w.coach.request("PUT", `/api/engagements/${id}/outcomes/${outcomes[1].id}/measurements/baseline`, { value: 20 });
    expect(notRater.json().error.code).toBe("not_a_rater");
    await w.coachee.request("PUT", `/api/engagements/${id}/outcomes/${outcomes[1].id}/measurements/baseline`, { value: 20 });
    expect((await w.coach.post(`/api/engagements/${id}/agreement`)).statusCode).toBe(200);
    const mid = (await w.coachee.post(`/api/engagements/${id}/agreement`)).json();
    // The sponsor has not joined, so the outcomes are not agreed yet.
    expect(mid.agreement).toMatchObject({ coach: true, coachee: true, sponsor: false, agreedAt: null });
    await w.joinAsSponsor(sponsorInvitation);
    const sponsored = (await w.sponsor.get("/api/coaching/sponsored")).json();
    expect(sponsored.items).toHaveLength(1);
    const agreed = await w.sponsor.post(`/api/engagements/${id}/agreement`);
    expect(agreed.statusCode, agreed.body).toBe(200);
    expect(agreed.json().agreement.agreedAt).not.toBeNull();
    expect(agreed.json().stage).toBe("in_progress");
    expect((await w.coach.post(`/api/engagements/${id}/outcomes`, rubric("One more"))).json().error.code).toBe("outcomes_agreed");
    expect((await w.coach.get(`/api/engagements/${id}/outcomes`)).json().outcomes[0]).toMatchObject({ baseline: 3.5, target: 8 });
  });

  it("refuses completion with 422 naming each outcome still missing its final, then completes and goes read-only", async () => {
    const outcomes = (await w.coach.get(`/api/engagements/${id}/outcomes`)).json().outcomes;
    const [feedback, turnaround] = outcomes;
    await w.coach.request("PUT", `/api/engagements/${id}/outcomes/${feedback.id}/measurements/midpoint`, { value: 6 });
    const none = await w.coach.post(`/api/engagements/${id}/complete`);
    expect(none.statusCode).toBe(422);
    expect(none.json().error).toMatchObject({ code: "finals_missing" });
    expect(none.json().error.details.missing.map((o: { title: string }) => o.title)).toEqual([
      "Gives clear review feedback",
      "Review turnaround",
    ]);
    await w.coach.request("PUT", `/api/engagements/${id}/outcomes/${feedback.id}/measurements/final`, { value: 8 });
    await w.sponsor.request("PUT", `/api/engagements/${id}/outcomes/${feedback.id}/measurements/final`, { value: 9 });
    const one = await w.coach.post(`/api/engagements/${id}/complete`);
    expect(one.statusCode).toBe(422);
    expect(one.json().error.details.missing).toEqual([{ id: turnaround.id, title: "Review turnaround" }]);
    // Only the coach completes.
    expect((await w.coachee.post(`/api/engagements/${id}/complete`)).statusCode).toBe(403);
    await w.coachee.request("PUT", `/api/engagements/${id}/outcomes/${turnaround.id}/measurements/final`, { value: 6 });
    const done = await w.coach.post(`/api/engagements/${id}/complete`);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ stage: "completed", writable: false });
    const results = (await w.coachee.get(`/api/engagements/${id}/outcomes`)).json().outcomes;
    // Feedback: lower better? no — higher is better, 8.5 ≥ 8. Turnaround: lower is better, 6 > 4 missed.
    expect(
      results.map((o: { baseline: number; target: number; final: number; targetMet: boolean }) => [
        o.baseline,
        o.target,
        o.final,
        o.targetMet,
      ]),
    ).toEqual([
      [3.5, 8, 8.5, true],
      [20, 4, 6, false],
    ]);
    const writes = [
      w.coach.request("PUT", `/api/engagements/${id}/outcomes/${feedback.id}/measurements/final`, { value: 9 }),
      w.coach.post(`/api/engagements/${id}/exercises`, { title: "After the end" }),
      scheduleSession(w, id, 30),
      w.coordinator.post(`/api/engagements/${id}/extensions`, { sessions: 1, reason: "x" }),
    ];
    for (const res of await Promise.all(writes)) expect(res.statusCode).toBe(409);
    const mail = await takeMail(w.t);
    expect(
      mail
        .filter((m) => m.subject === "Coaching engagement complete: Dana Coachee")
        .map((m) => m.to)
        .sort(),
    ).toEqual([COACHEE, SPONSOR]);
  });
});

describe("direct assignment", () => {
  it("assigns a coach with a package, refusing a coachee who already has an engagement", async () => {
    const other = await w.enrolmentOf("eli@example.org");
    const coach = await w.enrolmentOf(COACH);
    const res = await w.coordinator.post(`/api/programmes/${w.programmeId}/coaching/engagements`, {
      coacheeEnrolmentId: other,
      coachEnrolmentId: coach,
      packageId: w.packageId,
      startDate: today(),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ stage: "contracting", myRole: "coordinator", coach: { name: "Cleo Coach" } });
    const twice = await w.coordinator.post(`/api/programmes/${w.programmeId}/coaching/engagements`, {
      coacheeEnrolmentId: other,
      coachEnrolmentId: await w.enrolmentOf(OTHER_COACH),
      packageId: w.packageId,
    });
    expect(twice.json().error).toMatchObject({
      code: "mentee_already_matched",
      message: "This coachee already has an engagement in this programme.",
    });
    expect(
      (
        await w.coachee.post(`/api/programmes/${w.programmeId}/coaching/engagements`, {
          coacheeEnrolmentId: other,
          coachEnrolmentId: coach,
          packageId: w.packageId,
        })
      ).statusCode,
    ).toBe(403);
  });
});
