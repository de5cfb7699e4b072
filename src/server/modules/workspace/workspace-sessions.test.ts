import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../platform/db.js";
import { daysFromToday, parseIcs, takeMail, type Workspace, workspaceFixture } from "./test-pair.js";

let w: Workspace;
let pairId: string;
const url = (path = "") => `/api/relationships/${pairId}${path}`;

beforeAll(async () => {
  w = await workspaceFixture();
  pairId = await w.newPair();
});
afterAll(() => w.t.close());

describe("scheduling", () => {
  it("uses the plan's day, time, zone and place by default and invites both people", async () => {
    const plan = await w.mentee.patch(url("/plan"), {
      version: 0,
      meetingDay: "tue",
      meetingTime: "18:00",
      timeZone: "Europe/London",
      location: "https://meet.example.org/noor-mo",
    });
    expect(plan.statusCode).toBe(200);
    await takeMail(w.t);
    const res = await w.mentee.post(url("/sessions"), {});
    expect(res.statusCode).toBe(201);
    const [s] = res.json().sessions;
    expect(s).toMatchObject({
      localStartTime: "18:00",
      localEndTime: "19:00",
      timeZone: "Europe/London",
      location: "https://meet.example.org/noor-mo",
    });
    expect(new Date(`${s.localDate}T12:00:00Z`).getUTCDay()).toBe(2); // a Tuesday
    expect(new Date(s.startsAt).getTime()).toBeGreaterThan(Date.now());

    const mail = await takeMail(w.t);
    expect(mail.map((m) => m.to).sort()).toEqual(["mo@example.org", "noor@example.org"]);
    for (const m of mail) {
      expect(m.icalEvent?.method).toBe("REQUEST");
      const ics = parseIcs(m.icalEvent?.content ?? "");
      expect(ics.method).toBe("REQUEST");
      expect(ics.events).toHaveLength(1);
      expect(ics.events[0].uid).toBe(`${s.id}@grove.test`);
      expect(ics.events[0].sequence).toBe(0);
      expect(ics.events[0].start.toJSDate().toISOString()).toBe(s.startsAt);
      expect(ics.events[0].start.zone?.tzid).toBe("UTC");
    }
    // Each person reads the time in their own zone: Noor in London, Mo in Lisbon.
    expect(mail.find((m) => m.to === "noor@example.org")?.subject).toContain("(Europe/London)");
    expect(mail.find((m) => m.to === "mo@example.org")?.subject).toContain("(Europe/Lisbon)");
  });

  it("keeps a weekly series at 18:00 London time across the last Sunday of October", async () => {
    const res = await w.mentor.post(url("/sessions"), {
      date: "2027-10-19",
      startTime: "18:00",
      endTime: "19:00",
      timeZone: "Europe/London",
      repeat: { frequency: "weekly", count: 3 },
    });
    expect(res.statusCode).toBe(201);
    const sessions = res.json().sessions;
    expect(sessions.map((s: { startsAt: string }) => s.startsAt)).toEqual([
      "2027-10-19T17:00:00.000Z",
      "2027-10-26T17:00:00.000Z",
      "2027-11-02T18:00:00.000Z",
    ]);
    expect(new Set(sessions.map((s: { seriesId: string }) => s.seriesId)).size).toBe(1);
    const mail = await takeMail(w.t);
    const ics = parseIcs(mail[0].icalEvent?.content ?? "");
    expect(ics.events.map((e) => e.uid)).toEqual(sessions.map((s: { id: string }) => `${s.id}@grove.test`));
    // Read back in London, every event starts at 18:00.
    const london = ics.events.map((e) =>
      new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", minute: "2-digit" }).format(e.start.toJSDate()),
    );
    expect(london).toEqual(["18:00", "18:00", "18:00"]);
    expect(mail[0].subject).toMatch(/^3 sessions with/);
  });

  it("keeps a fortnightly series at 09:00 New York time across early November", async () => {
    const res = await w.mentee.post(url("/sessions"), {
      date: "2027-10-24",
      startTime: "09:00",
      endTime: "09:45",
      timeZone: "America/New_York",
      repeat: { frequency: "fortnightly", count: 2 },
    });
    expect(res.statusCode).toBe(201);
    const sessions = res.json().sessions;
    expect(sessions.map((s: { startsAt: string }) => s.startsAt)).toEqual(["2027-10-24T13:00:00.000Z", "2027-11-07T14:00:00.000Z"]);
    const ics = parseIcs((await takeMail(w.t))[0].icalEvent?.content ?? "");
    expect(ics.events.map((e) => e.start.toJSDate().toISOString())).toEqual(["2027-10-24T13:00:00.000Z", "2027-11-07T14:00:00.000Z"]);
    expect(ics.events.map((e) => e.end.toJSDate().toISOString())).toEqual(["2027-10-24T13:45:00.000Z", "2027-11-07T14:45:00.000Z"]);
  });

  it("refuses bad times with a clear code and writes nothing", async () => {
    const before = await countSessions();
    const cases: [unknown, number, string][] = [
      [{ date: daysFromToday(-3), startTime: "10:00", timeZone: "UTC" }, 400, "session_in_past"],
      [{ date: daysFromToday(20), startTime: "10:00", endTime: "09:00", timeZone: "UTC" }, 400, "ends_before_start"],
      [{ date: daysFromToday(20), startTime: "10:00", endTime: "10:00", timeZone: "UTC" }, 400, "ends_before_start"],
      [{ date: daysFromToday(20), startTime: "06:00", endTime: "17:00", timeZone: "UTC" }, 400, "session_too_long"],
      // The programme's default length would run past midnight: asked, not cut short.
      [{ date: daysFromToday(20), startTime: "23:30", timeZone: "UTC" }, 400, "ends_next_day"],
      [{ date: daysFromToday(20), startTime: "25:00", timeZone: "UTC" }, 400, "validation_failed"],
      [{ date: daysFromToday(20), startTime: "10:00", timeZone: "Mars/Olympus" }, 400, "validation_failed"],
      [
        { date: daysFromToday(20), startTime: "10:00", timeZone: "UTC", repeat: { frequency: "weekly", count: 1 } },
        400,
        "validation_failed",
      ],
      [
        { date: daysFromToday(20), startTime: "10:00", timeZone: "UTC", repeat: { frequency: "daily", count: 3 } },
        400,
        "validation_failed",
      ],
      [{ date: daysFromToday(20), startTime: "10:00", timeZone: "UTC", held: true }, 400, "session_not_started"],
      [
        { date: daysFromToday(-3), startTime: "10:00", timeZone: "UTC", held: true, repeat: { frequency: "weekly", count: 2 } },
        400,
        "validation_failed",
      ],
      [{ date: "2027-10-19", startTime: "18:30", endTime: "19:30", timeZone: "Europe/London" }, 409, "session_overlap"],
      // A series whose third session runs into an existing one is refused whole.
      [
        { date: "2027-10-05", startTime: "18:30", timeZone: "Europe/London", repeat: { frequency: "weekly", count: 3 } },
        409,
        "session_overlap",
      ],
    ];
    for (const [body, status, code] of cases) {
      const res = await w.mentee.post(url("/sessions"), body);
      expect({ body, status: res.statusCode, code: res.json().error?.code }).toEqual({ body, status, code });
    }
    expect(await countSessions()).toBe(before);
    expect(await takeMail(w.t)).toEqual([]);
  });

  it("logs a session already held, without sending invitations", async () => {
    const res = await w.mentee.post(url("/sessions"), { date: daysFromToday(-2), startTime: "12:00", timeZone: "UTC", held: true });
    expect(res.statusCode).toBe(201);
    expect(res.json().sessions[0].status).toBe("held");
    expect(await takeMail(w.t)).toEqual([]);
  });
});

describe("changing a session", () => {
  let sessionId: string;

  it("reschedules with the same UID, a higher SEQUENCE and the same length", async () => {
    const created = (
      await w.mentee.post(url("/sessions"), { date: daysFromToday(30), startTime: "08:00", endTime: "08:45", timeZone: "UTC" })
    ).json();
    sessionId = created.sessions[0].id;
    await takeMail(w.t);
    const res = await w.mentor.patch(url(`/sessions/${sessionId}`), { date: daysFromToday(31), startTime: "09:00" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ localStartTime: "09:00", localEndTime: "09:45", sequence: 1, status: "scheduled" });
    const mail = await takeMail(w.t);
    expect(mail).toHaveLength(2);
    const ics = parseIcs(mail[0].icalEvent?.content ?? "");
    expect(ics.method).toBe("REQUEST");
    expect(ics.events[0]).toMatchObject({ uid: `${sessionId}@grove.test`, sequence: 1 });
    expect(ics.events[0].start.toJSDate().toISOString()).toBe(`${daysFromToday(31)}T09:00:00.000Z`);
    expect(mail[0].subject).toMatch(/^Moved:/);
  });

  it("refuses a move into the past, onto another session, or with the end before the start", async () => {
    expect((await w.mentee.patch(url(`/sessions/${sessionId}`), { date: daysFromToday(-1), startTime: "09:00" })).json().error.code).toBe(
      "session_in_past",
    );
    expect(
      (await w.mentee.patch(url(`/sessions/${sessionId}`), { date: "2027-10-26", startTime: "18:15", timeZone: "Europe/London" })).json()
        .error.code,
    ).toBe("session_overlap");
    expect(
      (await w.mentee.patch(url(`/sessions/${sessionId}`), { date: daysFromToday(31), startTime: "09:00", endTime: "08:00" })).statusCode,
    ).toBe(400);
    expect(await takeMail(w.t)).toEqual([]);
  });

  it("cancels with a CANCEL for the same UID, and says whether it was late by the plan's rule", async () => {
    await w.mentee.patch(url("/plan"), { version: (await w.mentee.get(url("/plan"))).json().version, cancellationNoticeHours: 48 });
    const soon = (
      await w.mentee.post(url("/sessions"), { date: daysFromToday(1), startTime: "23:00", endTime: "23:30", timeZone: "UTC" })
    ).json().sessions[0];
    expect(soon.cancellationRule).toEqual({ noticeHours: 48, lateIfCancelledNow: true });
    await takeMail(w.t);
    const late = await w.mentor.post(url(`/sessions/${soon.id}/cancel`), {});
    expect(late.statusCode).toBe(200);
    expect(late.json().sessions[0]).toMatchObject({ status: "cancelled", lateCancellation: true, cancelledBy: "mentor", sequence: 1 });
    const mail = await takeMail(w.t);
    expect(mail).toHaveLength(2);
    const ics = parseIcs(mail[0].icalEvent?.content ?? "");
    expect(ics.method).toBe("CANCEL");
    expect(ics.events[0]).toMatchObject({ uid: `${soon.id}@grove.test`, sequence: 1, status: "CANCELLED" });

    const inTime = await w.mentor.post(url(`/sessions/${sessionId}/cancel`), {});
    expect(inTime.json().sessions[0]).toMatchObject({ lateCancellation: false, sequence: 2 });
    await takeMail(w.t);
    // Cancelled is final: no second cancel, no move, no outcome.
    expect((await w.mentor.post(url(`/sessions/${sessionId}/cancel`), {})).json().error.code).toBe("session_not_scheduled");
    expect((await w.mentor.patch(url(`/sessions/${sessionId}`), { date: daysFromToday(40), startTime: "09:00" })).json().error.code).toBe(
      "session_not_scheduled",
    );
    // Nor can its agenda be shared or commented on any more.
    expect((await w.mentee.post(url(`/sessions/${sessionId}/agenda/share`), {})).json().error.code).toBe("session_not_scheduled");
    expect((await w.mentor.post(url(`/sessions/${sessionId}/agenda/comments`), { body: "See you then" })).json().error.code).toBe(
      "session_not_scheduled",
    );
  });

  it("cancels the rest of a series in one go", async () => {
    const series = (
      await w.mentee.post(url("/sessions"), {
        date: daysFromToday(60),
        startTime: "07:00",
        timeZone: "UTC",
        repeat: { frequency: "weekly", count: 4 },
      })
    ).json().sessions;
    await takeMail(w.t);
    const res = await w.mentee.post(url(`/sessions/${series[1].id}/cancel`), { scope: "following" });
    expect(res.json().sessions.map((s: { id: string }) => s.id)).toEqual(series.slice(1).map((s: { id: string }) => s.id));
    const ics = parseIcs((await takeMail(w.t))[0].icalEvent?.content ?? "");
    expect(ics.events).toHaveLength(3);
    expect((await w.mentee.get(url(`/sessions/${series[0].id}`))).json().status).toBe("scheduled");
  });

  it("marks a started session held or missed, never a future one", async () => {
    const future = (await w.mentee.get(url("/sessions?when=upcoming")))
      .json()
      .items.find((s: { status: string }) => s.status === "scheduled");
    expect((await w.mentee.post(url(`/sessions/${future.id}/outcome`), { outcome: "held" })).json().error.code).toBe("session_not_started");
    const logged = (await w.mentee.get(url("/sessions?when=past"))).json().items.find((s: { status: string }) => s.status === "held");
    const missed = await w.mentor.post(url(`/sessions/${logged.id}/outcome`), { outcome: "missed" });
    expect(missed.json().status).toBe("missed");
    expect((await w.mentor.post(url(`/sessions/${logged.id}/outcome`), { outcome: "held" })).json().status).toBe("held");
  });

  it("lists upcoming soonest first and past latest first, in pages", async () => {
    const upcoming = (await w.mentor.get(url("/sessions?when=upcoming&limit=2"))).json();
    expect(upcoming.items).toHaveLength(2);
    expect(upcoming.total).toBeGreaterThan(2);
    expect(upcoming.items[0].startsAt < upcoming.items[1].startsAt).toBe(true);
    const next = (await w.mentor.get(url(`/sessions?when=upcoming&limit=2&offset=2`))).json();
    expect(next.items[0].startsAt >= upcoming.items[1].startsAt).toBe(true);
  });
});

describe("the calendar feed", () => {
  let feedPath: string;

  it("holds every session of the person across their pairs, title and time only", async () => {
    const second = await w.newPair({ mentee: "ben@example.org" });
    await w.mentor.post(`/api/relationships/${second}/sessions`, {
      date: daysFromToday(12),
      startTime: "15:00",
      timeZone: "America/New_York",
    });
    await takeMail(w.t);
    expect((await w.mentor.get("/api/calendar-feed")).json()).toEqual({ active: false, createdAt: null });
    const created = await w.mentor.post("/api/calendar-feed");
    expect(created.statusCode).toBe(201);
    feedPath = new URL(created.json().url).pathname;
    expect(feedPath).toMatch(/^\/api\/calendar\/grove_cal_[\w-]+\.ics$/);
    expect((await w.mentor.get("/api/calendar-feed")).json().active).toBe(true);

    const feed = await w.t.app.inject({ method: "GET", url: feedPath });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers["content-type"]).toContain("text/calendar");
    const ics = parseIcs(feed.body);
    const [{ n }] = await queryRows<{ n: number }>(
      w.t.ctx.db,
      sql`select count(*)::int as n from pair_sessions s join relationships r on r.id = s.relationship_id
          where r.mentor_user_id = (select id from users where email = 'mo@example.org')`,
    );
    expect(ics.events).toHaveLength(n);
    expect(ics.events.some((e) => e.description.includes("With Ben Mentee"))).toBe(true);
    expect(ics.events.some((e) => e.description.includes("With Noor Mentee"))).toBe(true);
    expect(ics.events.filter((e) => e.status === "CANCELLED").length).toBeGreaterThan(0);
    // Noor's own feed has her sessions with Mo, never Mo's sessions with Ben.
    const noorFeed = parseIcs(
      (await w.t.app.inject({ method: "GET", url: new URL((await w.mentee.post("/api/calendar-feed")).json().url).pathname })).body,
    );
    expect(noorFeed.events.length).toBeGreaterThan(0);
    expect(noorFeed.events.every((e) => e.description.includes("With Mo Mentor"))).toBe(true);
  });

  it("keeps the address out of the logs", async () => {
    const token = feedPath.split("/").pop()?.replace(".ics", "") as string;
    expect(w.t.logs.join("\n")).not.toContain(token);
  });

  it("stops working when replaced or revoked", async () => {
    const rotated = await w.mentor.post("/api/calendar-feed");
    const newPath = new URL(rotated.json().url).pathname;
    expect((await w.t.app.inject({ method: "GET", url: feedPath })).statusCode).toBe(404);
    expect((await w.t.app.inject({ method: "GET", url: newPath })).statusCode).toBe(200);
    expect((await w.mentor.delete("/api/calendar-feed")).statusCode).toBe(200);
    expect((await w.t.app.inject({ method: "GET", url: newPath })).statusCode).toBe(404);
    expect((await w.mentor.delete("/api/calendar-feed")).statusCode).toBe(404);
    expect((await w.t.app.inject({ method: "GET", url: "/api/calendar/grove_cal_guess.ics" })).statusCode).toBe(404);
  });
});

const countSessions = async () =>
  (await queryRows<{ n: number }>(w.t.ctx.db, sql`select count(*)::int as n from pair_sessions where relationship_id = ${pairId}`))[0].n;
