import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Workspace, workspaceFixture } from "./test-pair.js";

let w: Workspace;
let pairId: string;
const url = (path = "") => `/api/relationships/${pairId}${path}`;

beforeAll(async () => {
  w = await workspaceFixture();
  pairId = await w.newPair();
});
afterAll(() => w.t.close());

describe("the mentoring plan", () => {
  it("starts blank at version 0", async () => {
    const plan = (await w.mentor.get(url("/plan"))).json();
    expect(plan).toMatchObject({ version: 0, meetingDay: null, location: "", updatedBy: null, mentorAcknowledgedAt: null });
  });

  it("is edited by either person and keeps each edit with what changed", async () => {
    const first = await w.mentee.patch(url("/plan"), {
      version: 0,
      meetingDay: "thu",
      meetingTime: "17:30",
      timeZone: "Europe/London",
      location: "https://meet.example.org/room",
      cancellationNoticeHours: 24,
      notesBy: "mentee",
      menteeFocus: "Getting confident with code review",
      menteeExpects: "Honest feedback",
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ version: 1, updatedBy: { name: "Noor Mentee", side: "mentee" }, meetingTime: "17:30" });

    const second = await w.mentor.patch(url("/plan"), { version: 1, mentorFocus: "Career paths", meetingTime: "18:00" });
    expect(second.json()).toMatchObject({
      version: 2,
      mentorFocus: "Career paths",
      meetingTime: "18:00",
      menteeFocus: "Getting confident with code review",
    });

    const history = (await w.mentee.get(url("/plan/history"))).json();
    expect(history.total).toBe(2);
    expect(history.items[0]).toMatchObject({ version: 2, editedBy: { name: "Mo Mentor", side: "mentor" } });
    expect(history.items[0].changes).toEqual(
      expect.arrayContaining([
        { field: "meetingTime", label: "Meeting time", from: "17:30", to: "18:00" },
        { field: "mentorFocus", label: "What the mentor wants to focus on", from: "", to: "Career paths" },
      ]),
    );
    expect(history.items[0].changes).toHaveLength(2);
    expect(history.items[1].changes.map((c: { field: string }) => c.field)).toContain("menteeFocus");
    expect((await w.mentee.get(url("/plan/history?limit=1&offset=1"))).json().items[0].version).toBe(1);
  });

  it("refuses a stale edit with the current plan, so nothing is silently overwritten", async () => {
    const stale = await w.mentee.patch(url("/plan"), { version: 1, location: "Café on the corner" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("version_conflict");
    expect(stale.json().error.details).toMatchObject({ currentVersion: 2, current: { mentorFocus: "Career paths" } });
    expect((await w.mentee.get(url("/plan"))).json().location).toBe("https://meet.example.org/room");
  });

  it("is acknowledged by both, and every real edit asks both again", async () => {
    expect((await w.mentee.post(url("/plan/acknowledge"), { version: 2 })).json().menteeAcknowledgedAt).not.toBeNull();
    let overview = (await w.mentee.get(url("/overview"))).json();
    expect(overview.plan).toEqual({ version: 2, acknowledgedByMe: true, acknowledgedByPartner: false });
    await w.mentor.post(url("/plan/acknowledge"), { version: 2 });
    overview = (await w.mentor.get(url("/overview"))).json();
    expect(overview.plan).toEqual({ version: 2, acknowledgedByMe: true, acknowledgedByPartner: true });

    // Saving the same values is no edit: nothing to re-acknowledge.
    expect((await w.mentor.patch(url("/plan"), { version: 2, meetingTime: "18:00" })).json()).toMatchObject({ version: 2 });
    expect((await w.mentor.get(url("/plan"))).json().menteeAcknowledgedAt).not.toBeNull();

    const edited = (await w.mentor.patch(url("/plan"), { version: 2, betweenSessions: "Chat, replies within a day" })).json();
    expect(edited).toMatchObject({ version: 3, mentorAcknowledgedAt: null, menteeAcknowledgedAt: null });
    expect((await w.mentee.post(url("/plan/acknowledge"), { version: 2 })).json().error.code).toBe("version_conflict");
    expect((await w.mentee.post(url("/plan/acknowledge"), { version: 3 })).statusCode).toBe(200);
  });

  it("refuses bad values field by field", async () => {
    const cases: Record<string, unknown>[] = [
      { timeZone: "Europe/Atlantis" },
      { timeZone: "EST5EDT-ish" },
      { meetingTime: "7pm" },
      { meetingDay: "someday" },
      { cancellationNoticeHours: -1 },
      { cancellationNoticeHours: 2.5 },
      { notesBy: "nobody" },
      { menteeFocus: "x".repeat(2001) },
      { unknownField: "x" },
    ];
    for (const body of cases) {
      const res = await w.mentee.patch(url("/plan"), { version: 3, ...body });
      expect({ body, status: res.statusCode, code: res.json().error.code }).toEqual({ body, status: 400, code: "validation_failed" });
    }
    expect((await w.mentee.patch(url("/plan"), { meetingDay: "mon" })).statusCode).toBe(400);
    expect((await w.mentee.get(url("/plan"))).json().version).toBe(3);
  });
});
