import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client } from "../../test-support/test-app.js";
import { COACH, COACHEE, type CoachingWorld, coachingWorld, logHeldSession, rubric, SPONSOR } from "./coaching-fixture.js";

/**
 * Who may call what, route by route, for every role: the coach, the coachee, the sponsor,
 * the coordinator, the instance admin (a coordinator of every programme), another coach,
 * another coachee and someone outside the programme. Refused roles go first so an allowed
 * write cannot change what a refusal would have seen.
 */
type Role = "coach" | "coachee" | "sponsor" | "coordinator" | "admin" | "otherCoach" | "otherCoachee" | "outsider";
const ROLES: Role[] = ["outsider", "otherCoachee", "otherCoach", "sponsor", "coordinator", "admin", "coachee", "coach"];

let w: CoachingWorld;
let clients: Record<Role, Client>;
let e: string;
let sessionId: string;
let outcomeId: string;
let spareOutcomeId: string;
let exerciseId: string;
let stakeholderId: string;
let templateId: string;
let cleo: string;

beforeAll(async () => {
  w = await coachingWorld();
  clients = {
    coach: w.coach,
    coachee: w.coachee,
    sponsor: w.sponsor,
    coordinator: w.coordinator,
    admin: w.admin,
    otherCoach: w.otherCoach,
    otherCoachee: w.otherCoachee,
    outsider: w.outsider,
  };
  e = await w.engagement({ sponsor: true });
  await w.joinAsSponsor();
  cleo = await w.enrolmentOf(COACH);
  sessionId = await logHeldSession(w, e, 2);
  const board = (
    await w.coach.post(`/api/engagements/${e}/outcomes`, rubric("Delegates", ["coachee", "coach", "sponsor", "stakeholders"]))
  ).json();
  outcomeId = board.outcomes[0].id;
  spareOutcomeId = (await w.coach.post(`/api/engagements/${e}/outcomes`, rubric("Spare"))).json().outcomes[1].id;
  exerciseId = (await w.coach.post(`/api/engagements/${e}/exercises`, { title: "Try it" })).json().id;
  stakeholderId = (await w.coach.post(`/api/engagements/${e}/stakeholders`, { name: "Pia Peer", email: "pia@example.org" })).json().items[0]
    .id;
  templateId = (await w.coordinator.get(`/api/programmes/${w.programmeId}/coaching/plan-templates`)).json().items[0].id;
});
afterAll(() => w.t.close());

const CONTENT_ONLY: Partial<Record<Role, number>> = {
  sponsor: 404,
  coordinator: 404,
  admin: 404,
  otherCoach: 404,
  otherCoachee: 404,
  outsider: 404,
};
const PAIR_OR_SPONSOR: Partial<Record<Role, number>> = { coordinator: 404, admin: 404, otherCoach: 404, otherCoachee: 404, outsider: 404 };
const COORDINATORS: Partial<Record<Role, number>> = {
  coach: 403,
  coachee: 403,
  sponsor: 403,
  otherCoach: 403,
  otherCoachee: 403,
  outsider: 404,
};

/** Every role not named in `allowed` must get the status `refused` gives it. */
async function check(
  call: (c: Client) => Promise<LightMyRequestResponse>,
  allowed: Partial<Record<Role, number>>,
  refused: Partial<Record<Role, number>>,
) {
  const seen: Partial<Record<Role, number>> = {};
  for (const role of ROLES) {
    const want = allowed[role] ?? refused[role];
    if (want === undefined) throw new Error(`no expectation for ${role}`);
    seen[role] = (await call(clients[role])).statusCode;
  }
  expect(seen).toEqual(Object.fromEntries(ROLES.map((r) => [r, allowed[r] ?? refused[r]])));
}

const version = async (c: Client, url: string) => (await c.get(url)).json().version as number;

describe("engagement routes, for every role", () => {
  it("GET /engagements/:id — the pair, the sponsor and the coordinators", () =>
    check(
      (c) => c.get(`/api/engagements/${e}`),
      { coach: 200, coachee: 200, sponsor: 200, coordinator: 200, admin: 200 },
      { otherCoach: 404, otherCoachee: 404, outsider: 404 },
    ));

  it("POST /engagements/:id/extensions — coordinators only", () =>
    check(
      (c) => c.post(`/api/engagements/${e}/extensions`, { sessions: 1, reason: "More time" }),
      { coordinator: 201, admin: 201 },
      { coach: 403, coachee: 403, sponsor: 403, otherCoach: 404, otherCoachee: 404, outsider: 404 },
    ));

  it("PUT /engagements/:id/sponsor — coordinators only", () =>
    check(
      (c) => c.request("PUT", `/api/engagements/${e}/sponsor`, { email: SPONSOR }),
      { coordinator: 200, admin: 200 },
      { coach: 403, coachee: 403, sponsor: 403, otherCoach: 404, otherCoachee: 404, outsider: 404 },
    ));

  it("POST /engagements/:id/complete — the coach only (422 while finals are missing)", () =>
    check(
      (c) => c.post(`/api/engagements/${e}/complete`),
      { coach: 422 },
      { coachee: 403, sponsor: 403, coordinator: 403, admin: 403, otherCoach: 404, otherCoachee: 404, outsider: 404 },
    ));

  it("GET /engagements/:id/session-plan — coach and coachee", () =>
    check((c) => c.get(`/api/engagements/${e}/session-plan`), { coach: 200, coachee: 200 }, CONTENT_ONLY));

  it("PUT /engagements/:id/session-plan — the coach", async () => {
    const v = await version(w.coach, `/api/engagements/${e}/session-plan`);
    await check(
      (c) =>
        c.request("PUT", `/api/engagements/${e}/session-plan`, { version: v, entries: [{ title: "One", purpose: "", activities: "" }] }),
      { coach: 200 },
      { ...CONTENT_ONLY, coachee: 403 },
    );
  });

  it("POST /engagements/:id/session-plan/from-template — the coach", async () => {
    const v = await version(w.coach, `/api/engagements/${e}/session-plan`);
    await check(
      (c) => c.post(`/api/engagements/${e}/session-plan/from-template`, { version: v, templateId }),
      { coach: 200 },
      { ...CONTENT_ONLY, coachee: 403 },
    );
  });

  it("GET /engagements/:id/exercises — coach and coachee", () =>
    check((c) => c.get(`/api/engagements/${e}/exercises`), { coach: 200, coachee: 200 }, CONTENT_ONLY));

  it("POST /engagements/:id/exercises — the coach", () =>
    check((c) => c.post(`/api/engagements/${e}/exercises`, { title: "Another" }), { coach: 201 }, { ...CONTENT_ONLY, coachee: 403 }));

  it("PATCH /engagements/:id/exercises/:id — the coach its wording, the coachee its answer", async () => {
    const v = async () =>
      (await w.coach.get(`/api/engagements/${e}/exercises`)).json().items.find((x: { id: string }) => x.id === exerciseId).version;
    const first = await v();
    await check(
      (c) => c.patch(`/api/engagements/${e}/exercises/${exerciseId}`, { version: first, title: "Try it twice" }),
      { coach: 200 },
      { ...CONTENT_ONLY, coachee: 403 },
    );
    const second = await v();
    await check(
      (c) => c.patch(`/api/engagements/${e}/exercises/${exerciseId}`, { version: second, done: true, response: "Did it" }),
      { coachee: 200 },
      { ...CONTENT_ONLY, coach: 403 },
    );
  });

  it("DELETE /engagements/:id/exercises/:id — the coach", async () => {
    const spare = (await w.coach.post(`/api/engagements/${e}/exercises`, { title: "Spare" })).json().id;
    await check((c) => c.delete(`/api/engagements/${e}/exercises/${spare}`), { coach: 200 }, { ...CONTENT_ONLY, coachee: 403 });
  });

  it("GET /engagements/:id/sessions/:id/summary — coach and coachee", () =>
    check((c) => c.get(`/api/engagements/${e}/sessions/${sessionId}/summary`), { coach: 200, coachee: 200 }, CONTENT_ONLY));

  it("PUT and share a summary — the coach", async () => {
    await check(
      (c) => c.request("PUT", `/api/engagements/${e}/sessions/${sessionId}/summary`, { version: 0, body: "We looked at delegation." }),
      { coach: 200 },
      { ...CONTENT_ONLY, coachee: 403 },
    );
    await check(
      (c) => c.post(`/api/engagements/${e}/sessions/${sessionId}/summary/share`),
      { coach: 200 },
      { ...CONTENT_ONLY, coachee: 403 },
    );
  });

  it("GET /engagements/:id/outcomes — coach, coachee and sponsor", () =>
    check((c) => c.get(`/api/engagements/${e}/outcomes`), { coach: 200, coachee: 200, sponsor: 200 }, PAIR_OR_SPONSOR));

  it("POST, PATCH and DELETE outcomes — the coach", async () => {
    await check(
      (c) => c.post(`/api/engagements/${e}/outcomes`, rubric("Third")),
      { coach: 201 },
      { ...PAIR_OR_SPONSOR, coachee: 403, sponsor: 403 },
    );
    const board = (await w.coach.get(`/api/engagements/${e}/outcomes`)).json();
    const third = board.outcomes.find((o: { title: string }) => o.title === "Third");
    await check(
      (c) => c.patch(`/api/engagements/${e}/outcomes/${third.id}`, { version: third.version, title: "Third, reworded" }),
      { coach: 200 },
      {
        ...PAIR_OR_SPONSOR,
        coachee: 403,
        sponsor: 403,
      },
    );
    await check(
      (c) => c.delete(`/api/engagements/${e}/outcomes/${third.id}`),
      { coach: 200 },
      { ...PAIR_OR_SPONSOR, coachee: 403, sponsor: 403 },
    );
  });

  it("POST /engagements/:id/agreement — coach, coachee and sponsor (422 while baselines are missing)", () =>
    check((c) => c.post(`/api/engagements/${e}/agreement`), { coach: 422, coachee: 422, sponsor: 422 }, PAIR_OR_SPONSOR));

  it("PUT a baseline — the outcome's raters: coach, coachee, sponsor", () =>
    check(
      (c) => c.request("PUT", `/api/engagements/${e}/outcomes/${outcomeId}/measurements/baseline`, { value: 4 }),
      { coach: 200, coachee: 200, sponsor: 200 },
      PAIR_OR_SPONSOR,
    ));

  it("a sponsor may not rate an outcome that does not ask the sponsor", () =>
    check(
      (c) => c.request("PUT", `/api/engagements/${e}/outcomes/${spareOutcomeId}/measurements/baseline`, { value: 4 }),
      { coach: 200, coachee: 200 },
      { ...PAIR_OR_SPONSOR, sponsor: 403 },
    ));

  it("stakeholders — coach and coachee manage them; the sponsor and coordinator never see who they are", async () => {
    await check((c) => c.get(`/api/engagements/${e}/stakeholders`), { coach: 200, coachee: 200 }, CONTENT_ONLY);
    let n = 0;
    await check(
      (c) => c.post(`/api/engagements/${e}/stakeholders`, { name: "Someone", email: `someone${n++}@example.org` }),
      { coach: 201, coachee: 201 },
      CONTENT_ONLY,
    );
    const spare = (await w.coach.get(`/api/engagements/${e}/stakeholders`)).json().items.at(-1).id;
    // Both may remove; the coachee comes first in the order, so the coach then finds it gone.
    await check((c) => c.delete(`/api/engagements/${e}/stakeholders/${spare}`), { coachee: 200 }, { ...CONTENT_ONLY, coach: 404 });
    await check(
      (c) => c.post(`/api/engagements/${e}/rating-requests`, { phase: "baseline", stakeholderIds: [stakeholderId] }),
      { coach: 201 },
      { ...CONTENT_ONLY, coachee: 403 },
    );
  });

  it("the workspace of a coaching engagement is the pair's: the sponsor and coordinator get 404", async () => {
    await check((c) => c.get(`/api/relationships/${e}/sessions/${sessionId}/agenda`), { coach: 200, coachee: 200 }, CONTENT_ONLY);
    await check(
      (c) => c.request("PUT", `/api/relationships/${e}/sessions/${sessionId}/agenda`, { version: 0, sections: { purpose: "Delegation" } }),
      { coach: 200 },
      { ...CONTENT_ONLY, coachee: 403 },
    );
    await check(
      (c) => c.post(`/api/relationships/${e}/sessions/${sessionId}/agenda/topics`, { body: "A topic" }),
      { coachee: 201 },
      { ...CONTENT_ONLY, coach: 403 },
    );
    await check((c) => c.get(`/api/relationships/${e}/notes/private`), { coach: 200, coachee: 200 }, CONTENT_ONLY);
    await check((c) => c.get(`/api/relationships/${e}/sessions`), { coach: 200, coachee: 200 }, CONTENT_ONLY);
  });
});

describe("programme routes, for every role", () => {
  const p = () => `/api/programmes/${w.programmeId}/coaching`;

  it("packages — coordinators only", async () => {
    await check((c) => c.get(`${p()}/packages`), { coordinator: 200, admin: 200 }, COORDINATORS);
    await check(
      (c) => c.post(`${p()}/packages`, { name: "Short", sessions: 3, sessionMinutes: 45, periodWeeks: 6 }),
      { coordinator: 201, admin: 201 },
      COORDINATORS,
    );
    const pkg = (await w.coordinator.get(`${p()}/packages`)).json().items.at(-1);
    let v = pkg.version;
    await check(
      async (c) => {
        const res = await c.patch(`/api/coaching/packages/${pkg.id}`, { version: v, referencePrice: "EUR 900" });
        if (res.statusCode === 200) v = res.json().version;
        return res;
      },
      { coordinator: 200, admin: 200 },
      COORDINATORS,
    );
  });

  it("coach profiles — the list to coordinators; a profile to them, the coach and the coach's coachees", async () => {
    await check((c) => c.get(`${p()}/coaches`), { coordinator: 200, admin: 200 }, COORDINATORS);
    await check(
      (c) => c.get(`${p()}/coaches/${cleo}`),
      { coordinator: 200, admin: 200, coach: 200, coachee: 200 },
      { sponsor: 404, otherCoach: 404, otherCoachee: 404, outsider: 404 },
    );
    let v = 0;
    await check(
      async (c) => {
        const res = await c.request("PUT", `${p()}/coaches/${cleo}`, { version: v, bio: "Coaching engineers since 2012." });
        if (res.statusCode === 200) v = res.json().version;
        return res;
      },
      { coordinator: 200, admin: 200, coach: 200 },
      { coachee: 404, sponsor: 404, otherCoach: 404, otherCoachee: 404, outsider: 404 },
    );
  });

  it("shortlists, assignment and the overview — coordinators; my shortlist — coachees", async () => {
    const eli = await w.enrolmentOf("eli@example.org");
    await check(
      (c) => c.post(`${p()}/shortlists`, { coacheeEnrolmentIds: [eli], size: 1, packageId: w.packageId }),
      { coordinator: 201, admin: 201 },
      COORDINATORS,
    );
    await check((c) => c.get(`${p()}/shortlists`), { coordinator: 200, admin: 200 }, COORDINATORS);
    await check((c) => c.get(`${p()}/overview`), { coordinator: 200, admin: 200 }, COORDINATORS);
    // Dana has an engagement already: coordinators get the refusal, everyone else never gets that far.
    const dana = await w.enrolmentOf(COACHEE);
    await check(
      (c) => c.post(`${p()}/engagements`, { coacheeEnrolmentId: dana, coachEnrolmentId: cleo, packageId: w.packageId }),
      { coordinator: 409, admin: 409 },
      COORDINATORS,
    );
    await check(
      (c) => c.get(`${p()}/my-shortlist`),
      { coachee: 200, otherCoachee: 200 },
      { coach: 403, otherCoach: 403, sponsor: 403, coordinator: 404, admin: 404, outsider: 404 },
    );
  });

  it("plan templates — coordinators and coaches", async () => {
    await check(
      (c) => c.get(`${p()}/plan-templates`),
      { coordinator: 200, admin: 200, coach: 200, otherCoach: 200 },
      { coachee: 403, sponsor: 403, otherCoachee: 403, outsider: 404 },
    );
    await check(
      (c) => c.post(`${p()}/plan-templates`, { name: "Ours", entries: [{ title: "One", purpose: "", activities: "" }] }),
      { coordinator: 201, admin: 201, coach: 201, otherCoach: 201 },
      { coachee: 403, sponsor: 403, otherCoachee: 403, outsider: 404 },
    );
    let v = (await w.coach.get(`${p()}/plan-templates`)).json().items[0].version;
    await check(
      async (c) => {
        const res = await c.patch(`/api/coaching/plan-templates/${templateId}`, { version: v, description: "Edited" });
        if (res.statusCode === 200) v = res.json().version;
        return res;
      },
      { coordinator: 200, admin: 200, coach: 200, otherCoach: 200 },
      { coachee: 403, sponsor: 403, otherCoachee: 403, outsider: 404 },
    );
  });
});

describe("shortlist items and one's own screens", () => {
  it("a shortlist is its coachee's; a chemistry call its coachee's and coach's", async () => {
    const list = (await w.otherCoachee.get(`/api/programmes/${w.programmeId}/coaching/my-shortlist`)).json().shortlist;
    const coachId = list.coaches[0].enrolmentId;
    const at = new Date(Date.now() + 3 * 86_400_000).toISOString();
    await check(
      (c) => c.post(`/api/coaching/shortlists/${list.id}/chemistry-calls`, { coachEnrolmentId: coachId, at }),
      { otherCoachee: 201 },
      { coach: 404, coachee: 404, sponsor: 404, coordinator: 404, admin: 404, otherCoach: 404, outsider: 404 },
    );
    const callId = (await w.otherCoachee.get(`/api/programmes/${w.programmeId}/coaching/my-shortlist`)).json().shortlist.coaches[0]
      .chemistryCalls[0].id;
    const callCoach = list.coaches[0].profile.name === "Cleo Coach" ? "coach" : "otherCoach";
    const otherCoachRole = callCoach === "coach" ? "otherCoach" : "coach";
    await check(
      (c) => c.patch(`/api/coaching/shortlists/${list.id}/chemistry-calls/${callId}`, { status: "held" }),
      { otherCoachee: 200, [callCoach]: 200 },
      { coachee: 404, sponsor: 404, coordinator: 404, admin: 404, [otherCoachRole]: 404, outsider: 404 },
    );
    await check(
      (c) => c.post(`/api/coaching/shortlists/${list.id}/pick`, { coachEnrolmentId: coachId }),
      { otherCoachee: 200 },
      { coach: 404, coachee: 404, sponsor: 404, coordinator: 404, admin: 404, otherCoach: 404, outsider: 404 },
    );
  });

  it("the dashboard and the sponsor's screen show only the caller's own", async () => {
    await check((c) => c.get("/api/coaching/dashboard"), Object.fromEntries(ROLES.map((r) => [r, 200])), {});
    await check((c) => c.get("/api/coaching/sponsored"), Object.fromEntries(ROLES.map((r) => [r, 200])), {});
    expect((await w.sponsor.get("/api/coaching/sponsored")).json().total).toBe(1);
    for (const role of ROLES.filter((r) => r !== "sponsor"))
      expect((await clients[role].get("/api/coaching/sponsored")).json().total).toBe(0);
    expect((await w.coach.get("/api/coaching/dashboard")).json().engagements.map((x: { coachee: string }) => x.coachee)).toContain(
      "Dana Coachee",
    );
    expect((await w.coachee.get("/api/coaching/dashboard")).json().engagements).toEqual([]);
  });

  it("signed-out callers get 401 from every coaching route", async () => {
    const anonymous = new (w.coach.constructor as new (app: typeof w.t.app) => Client)(w.t.app);
    for (const url of [`/api/engagements/${e}`, "/api/coaching/dashboard", `/api/programmes/${w.programmeId}/coaching/overview`])
      expect((await anonymous.get(url)).statusCode).toBe(401);
  });
});
