import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectNoSeriousAxeViolations, launchBrowser, newContext } from "./support/browser";
import { calendarPartOf, decodedMessage, parseCalendar } from "./support/calendar";
import { type GroveServer, startGroveServer } from "./support/grove-server";
import { type Mail, readMailbox, waitForMails } from "./support/mailbox";
import { expectFocusedElementText, focused, heading, setUpInstance } from "./support/page-helpers";
import { type ApiRequest, apiSession, settled, signIn } from "./support/session";

// Issue #6, done: a mentee and her mentor, each signed in in their own browser, go
// through a whole term of a mentoring programme — accepting the pair, the plan (edited
// and acknowledged again), a weekly series with calendar invitations, a reschedule, the
// calendar feed, the mentee's agenda and the mentor's comment, notes shared and private,
// an action item carried into the next agenda, a held session, a GROW goal fixed after
// the SMART check, reflections, the final debrief and the choice to keep meeting. The
// coordinator's screens must show none of what the two wrote.
//
// Time: the programme's term began ten weeks ago and ends within two weeks, so the
// continuation question is open today. The mentor moves the plan's meeting time a few
// minutes ahead, the series is booked, and when the pair has written everything the test
// moves the server's and the browsers' clocks to just after that meeting began (an injected
// clock: support/test-clock.mjs and Playwright's), so the first session can be marked held
// without waiting for it.

const admin = { name: "Ada Admin", email: "ada@example.org", password: "plenty of words here" };
const cleo = { name: "Cleo Coordinator", email: "cleo@example.org", password: "coordinating with care" };
const amara = { name: "Amara Mentee", email: "amara@example.org", password: "i set the agenda here" };
const tomas = { name: "Tomas Mentor", email: "tomas@example.org", password: "listen first advise last" };
const ZONE = "Europe/London";

// Everything the pair writes. None of it may appear on a coordinator's screen.
const words = {
  menteeFocus: "Own the on-call runbook rewrite",
  mentorExpects: "Bring one concrete incident to each session",
  checkIn: "Tired after the release but keen",
  wantFromSession: "Decide how to split the runbook work",
  comment: "Start from the pager alert you hated most",
  menteeShared: "Amara: we listed the five worst alerts.",
  mentorShared: "Tomas: pair on the first rewrite next week.",
  mentorPrivate: "Amara seems stretched; ask about workload gently",
  actionItem: "Draft the disk-full runbook page",
  vagueGoal: "Get better at incident response",
  goal: "Lead two incident reviews by the end of term",
  goalReality: "I attend reviews but never run one",
  goalWill: "Ask my lead to let me run Thursday's review",
  goalMeasure: "I facilitate 2 reviews and publish both write-ups",
  goalComment: "Which review would you pick first, and why?",
  privateReflection: "I keep doubting I belong in the on-call rota",
  sharedReflection: "Running the review felt less scary than I expected",
  debriefGoal: "Ran one review alone and co-ran another",
  debriefRelationship: "Being asked instead of told made me think harder",
  roadmap: "Volunteer as incident commander next quarter",
  mentorDebrief: "Amara now leads where she used to listen",
};

let server: GroveServer;
let browser: Browser;
let amaraContext: BrowserContext;
let tomasContext: BrowserContext;
let cleoContext: BrowserContext;
let mentee: Page;
let mentor: Page;
let coordinator: Page;
let programmeId = "";
let pairPath = "";
let firstSessionPath = "";
let secondSessionPath = "";
/** When the first session of the series starts: the plan's meeting time, a minute or so from now. */
let firstStart: Date;
/** The second session's invitation, to compare with its update after the reschedule. */
let secondInvited: { uid: string; sequence: number; start: Date };
let movedStart: Date;
let cleoApi: ApiRequest;

const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** A moment's local date, weekday and time in a zone, the way the plan and the forms speak. */
function localParts(at: Date, timeZone = ZONE) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone,
      weekday: "short",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { weekday: parts.weekday.toLowerCase(), date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** A signed-in API session, only for setting the stage and for the refusals a screen never offers. */
const apiAs = (person: { email: string; password: string }) => apiSession(server.baseUrl, person.email, person.password);

/** A request with the browser's own cookie and CSRF token: what a hand-made request from that person would do. */
async function asBrowser(context: BrowserContext, method: "PUT" | "PATCH", path: string, data: unknown) {
  const session = await (await context.request.get("/api/auth/session")).json();
  const res = await context.request.fetch(path, { method, data, headers: { "X-CSRF-Token": session.csrfToken } });
  return { status: res.status(), json: await res.json() };
}

const section = async (p: Page, partner: string, name: string) => {
  await p
    .getByRole("navigation", { name: `Workspace with ${partner}` })
    .getByRole("link", { name, exact: true })
    .click();
  await settled(p);
};

/** Messages to one person whose subject matches, waiting for the job worker to send them. */
const mailsTo = (to: string, subject: RegExp, count = 1): Promise<Mail[]> => waitForMails(server.dataDir, { to, subject }, count);

beforeAll(async () => {
  server = await startGroveServer({ testClock: true });
  await setUpInstance(server.baseUrl, admin);
  const ada = await apiAs(admin);
  for (const person of [cleo, amara, tomas])
    expect((await ada("POST", "/api/users", { email: person.email, name: person.name, password: person.password })).status).toBe(201);

  // The admin opens the programme and hands it to its coordinator: a twelve-week term that
  // began ten weeks ago (on a Monday), so today falls in week 11, within the last two weeks.
  const today = new Date(`${isoDay(new Date())}T00:00:00Z`);
  const termStart = new Date(today.getTime() - (70 + ((today.getUTCDay() + 6) % 7)) * DAY);
  const termEnd = new Date(termStart.getTime() + (12 * 7 - 1) * DAY);
  const programme = await ada("POST", "/api/programmes", {
    name: "Platform Guild",
    acceptance: "two_sided",
    termStart: isoDay(termStart),
    termEnd: isoDay(termEnd),
  });
  expect(programme.status, JSON.stringify(programme.json)).toBe(201);
  programmeId = programme.json.id;
  expect((await ada("POST", `/api/programmes/${programmeId}/members`, { email: cleo.email, role: "coordinator" })).status).toBe(201);
  const api = await apiAs(cleo);
  cleoApi = api;
  const csv = [
    "email,name,role,years_experience,skills,offers,seeks,timezone,languages,capacity,manager_email",
    `${tomas.email},${tomas.name},mentor,15,Go:5;Kubernetes:5,technical skills;career development,,Europe/Lisbon,English,1,`,
    `${amara.email},${amara.name},mentee,2,Go:2,,technical skills;career development,${ZONE},English,,`,
  ].join("\n");
  const imported = await api("POST", `/api/programmes/${programmeId}/imports`, csv, "text/csv");
  expect(imported.json.errors, JSON.stringify(imported.json)).toEqual([]);
  const round = await api("POST", `/api/programmes/${programmeId}/match-rounds`, {});
  expect(round.status, JSON.stringify(round.json)).toBe(201);
  const published = await api("POST", `/api/programmes/${programmeId}/match-rounds/${round.json.id}/publish`, {});
  expect(published.json, JSON.stringify(published.json)).toMatchObject({ created: 1 });

  browser = await launchBrowser();
  amaraContext = await newContext(browser, server.baseUrl);
  tomasContext = await newContext(browser, server.baseUrl);
  cleoContext = await newContext(browser, server.baseUrl);
  [mentee, mentor, coordinator] = await Promise.all([amaraContext, tomasContext, cleoContext].map((c) => c.newPage()));
  await Promise.all([
    signIn(mentee, amara.email, amara.password),
    signIn(mentor, tomas.email, tomas.password),
    signIn(coordinator, cleo.email, cleo.password),
  ]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the start of the pair", () => {
  test("both accept the proposed pair in My pairs, each in their own browser", async () => {
    for (const [p, partner] of [
      [mentee, tomas.name],
      [mentor, amara.name],
    ] as const) {
      await p.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My pairs" }).click();
      await heading(p, "My pairs").waitFor();
      await settled(p);
      const card = p.getByRole("article", { name: partner });
      await card.getByText("Proposed", { exact: true }).waitFor();
      if (p === mentee) await expectNoSeriousAxeViolations(p, "my pairs with a proposal");
      await card.getByRole("button", { name: `Accept ${partner}` }).click();
    }
    // The second answer starts the pair: the mentor's card turns into the workspace's.
    await mentor.getByRole("article", { name: amara.name }).getByText("Active", { exact: true }).waitFor();
    await mentee.reload();
    await mentee.getByRole("link", { name: `Open the workspace with ${tomas.name}` }).click();
    await heading(mentee, `Your workspace with ${tomas.name}`).waitFor();
    pairPath = new URL(mentee.url()).pathname;
    expect(pairPath).toMatch(/^\/pairs\/[0-9a-f-]{36}$/);
    // Week 11 of the twelve-week term, in its last phase, with the continuation question still ahead of the writing.
    await mentee.getByRole("heading", { name: "Week 11 of 12" }).waitFor();
    await mentee.getByRole("heading", { name: "Keep meeting after the programme?" }).waitFor();
    await expectNoSeriousAxeViolations(mentee, "workspace overview");
  });
});

describe("the mentoring plan", () => {
  test("the mentee fills it in and agrees to it", async () => {
    await section(mentee, tomas.name, "Plan");
    await heading(mentee, "Your mentoring plan").waitFor();
    await mentee.getByLabel("Meeting day").selectOption(localParts(new Date(Date.now() + 60_000)).weekday);
    await mentee.getByLabel("Meeting time").fill("18:00");
    await mentee.getByLabel("Time zone (optional)").selectOption(ZONE);
    await mentee.getByLabel("Video link or place").fill("https://meet.example.org/amara-tomas");
    await mentee.getByLabel("Notice needed to cancel (hours)").fill("12");
    await mentee.getByLabel("Who shares notes and action items").selectOption("both");
    await mentee.getByLabel("What the mentee wants to focus on").fill(words.menteeFocus);
    await mentee.getByRole("button", { name: "Save the plan" }).click();
    await mentee.getByRole("button", { name: "I agree to version 1" }).click();
    await mentee.getByText(/You: acknowledged/).waitFor();
    await expectNoSeriousAxeViolations(mentee, "plan (mentee)");
  });

  test("the mentor changes the meeting time and adds his expectations; both acknowledge the new version", async () => {
    await mentor.goto(`${pairPath}/plan`);
    await heading(mentor, "Your mentoring plan").waitFor();
    await settled(mentor);
    await expect(mentor.getByLabel("What the mentee wants to focus on").inputValue()).resolves.toBe(words.menteeFocus);
    await expectNoSeriousAxeViolations(mentor, "plan (mentor)");
    // He moves the weekly meeting to a few minutes from now: far enough ahead that it is still
    // ahead when the series is booked, however slow the machine; the clocks are moved past it later.
    firstStart = new Date(Math.ceil((Date.now() + 3 * 60_000) / 60_000) * 60_000);
    const meeting = localParts(firstStart);
    await mentor.getByLabel("Meeting day").selectOption(meeting.weekday);
    await mentor.getByLabel("Meeting time").fill(meeting.time);
    await mentor.getByLabel("What the mentor expects of the mentee").fill(words.mentorExpects);
    await mentor.getByRole("button", { name: "Save the plan" }).click();
    // The change is recorded field by field and clears both acknowledgements, the mentee's included.
    const history = mentor.getByRole("region", { name: "Changes to the plan" });
    await history.getByText("Version 2", { exact: true }).waitFor();
    await history
      .getByRole("listitem")
      .filter({ hasText: /^Meeting time: 18:00/ })
      .getByText(meeting.time)
      .waitFor();
    await history.getByText(words.mentorExpects).waitFor();
    await mentor.getByRole("button", { name: "I agree to version 2" }).click();
    await mentor.getByRole("heading", { name: "Waiting for agreement" }).waitFor();

    await mentee.reload();
    await settled(mentee);
    await mentee.getByText("You: not yet").waitFor();
    await expect(mentee.getByLabel("Meeting time").inputValue()).resolves.toBe(meeting.time);
    await mentee.getByRole("button", { name: "I agree to version 2" }).click();
    await mentee.getByRole("heading", { name: "Agreed by both of you" }).waitFor();
  });
});

describe("sessions in every calendar", () => {
  test("the mentee schedules a weekly series from the plan; both get an iCalendar invitation", async () => {
    await section(mentee, tomas.name, "Sessions");
    await heading(mentee, "Sessions").waitFor();
    await mentee.getByRole("button", { name: "Schedule a session" }).click();
    const dialog = mentee.getByRole("dialog", { name: "Schedule a session" });
    // The plan fills in the time and zone; the date stays empty for "the next meeting day".
    await expect(dialog.getByLabel("Starts").inputValue()).resolves.toBe(localParts(firstStart).time);
    await expect(dialog.getByLabel("Time zone of these times").inputValue()).resolves.toBe(ZONE);
    await dialog.getByLabel("Repeat").selectOption("weekly");
    await dialog.getByLabel("How many sessions").fill("3");
    await expectNoSeriousAxeViolations(mentee, "schedule dialog");
    expect(firstStart.getTime() - Date.now(), "the plan's meeting time passed before the series was booked").toBeGreaterThan(0);
    await dialog.getByRole("button", { name: "Schedule the series" }).click();
    await mentee.getByRole("status").filter({ hasText: "3 upcoming sessions" }).waitFor();
    await expectNoSeriousAxeViolations(mentee, "sessions list");

    const invitations: Record<string, ReturnType<typeof parseCalendar>> = {};
    for (const person of [amara, tomas]) {
      const [mail] = await mailsTo(person.email, /^3 sessions with /);
      invitations[person.email] = parseCalendar(await calendarPartOf(mail.file));
    }
    for (const calendar of Object.values(invitations)) {
      expect(calendar.method).toBe("REQUEST");
      expect(calendar.events).toHaveLength(3);
      // The first session is today's meeting time; the others keep the plan's wall-clock time in London, whatever the clocks do.
      expect(calendar.events.map((e) => e.start.getTime()).sort()[0]).toBe(firstStart.getTime());
      for (const e of calendar.events) {
        expect(e.sequence).toBe(0);
        expect(localParts(e.start).time).toBe(localParts(firstStart).time);
        expect(e.uid).toMatch(/^[0-9a-f-]{36}@127\.0\.0\.1$/);
      }
    }
    // Both calendars hold the same events: one UID per session, shared by the two invitations.
    const uids = (email: string) => invitations[email].events.map((e) => e.uid).sort();
    expect(uids(amara.email)).toEqual(uids(tomas.email));
    expect(new Set(uids(amara.email)).size).toBe(3);
    const second = [...invitations[amara.email].events].sort((a, b) => a.start.getTime() - b.start.getTime())[1];
    secondInvited = { uid: second.uid, sequence: second.sequence, start: second.start };
    expect(localParts(second.start).date).toBe(localParts(new Date(firstStart.getTime() + 7 * DAY)).date);

    const rows = mentee.getByRole("listitem").filter({ hasText: "Mentoring session" });
    await rows.nth(1).getByRole("link").click();
    await heading(mentee, "Mentoring session").waitFor();
    secondSessionPath = new URL(mentee.url()).pathname;
    await mentee.goBack();
    await rows.nth(0).getByRole("link").click();
    await heading(mentee, "Mentoring session").waitFor();
    firstSessionPath = new URL(mentee.url()).pathname;
  });

  test("the mentor moves next week's session a day later: same UID, a higher SEQUENCE", async () => {
    await mentor.goto(secondSessionPath);
    await heading(mentor, "Mentoring session").waitFor();
    await settled(mentor);
    await mentor.getByRole("button", { name: "Reschedule" }).click();
    const dialog = mentor.getByRole("dialog", { name: "Reschedule the session" });
    const moved = localParts(new Date(secondInvited.start.getTime() + DAY));
    await dialog.getByLabel("Date").fill(moved.date);
    await expectNoSeriousAxeViolations(mentor, "reschedule dialog");
    await dialog.getByRole("button", { name: "Move the session" }).click();
    await dialog.waitFor({ state: "hidden" });
    await expectFocusedElementText(mentor, "Scheduled");

    for (const person of [amara, tomas]) {
      const [mail] = await mailsTo(person.email, /^Moved: Mentoring session with /);
      const calendar = parseCalendar(await calendarPartOf(mail.file));
      expect(calendar.method).toBe("REQUEST");
      expect(calendar.events).toHaveLength(1);
      const [event] = calendar.events;
      expect(event.uid).toBe(secondInvited.uid);
      expect(event.sequence).toBeGreaterThan(secondInvited.sequence);
      expect(localParts(event.start)).toMatchObject({ date: moved.date, time: localParts(secondInvited.start).time });
      movedStart = event.start;
    }
    await expectNoSeriousAxeViolations(mentor, "session (mentor)");
  });

  test("the mentee subscribes to her private calendar feed; it has the moved session", async () => {
    await mentee.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My pairs" }).click();
    await heading(mentee, "My pairs").waitFor();
    await settled(mentee);
    await mentee.getByRole("button", { name: "Make a calendar address" }).click();
    const address = await mentee.getByRole("textbox", { name: "Your calendar address" }).inputValue();
    expect(address).toMatch(/\/api\/calendar\/grove_cal_[^/]+\.ics$/);
    await expectNoSeriousAxeViolations(mentee, "my pairs with the calendar address");

    // A calendar app fetches it with no cookie at all.
    const res = await fetch(new URL(address, server.baseUrl));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/calendar/);
    const feed = parseCalendar(await res.text());
    expect(feed.events).toHaveLength(3);
    const movedInFeed = feed.events.find((e) => e.uid === secondInvited.uid);
    expect(movedInFeed?.sequence).toBeGreaterThan(0);
    expect(movedInFeed?.start.getTime()).toBe(movedStart.getTime());
    expect(feed.events.some((e) => e.start.getTime() === firstStart.getTime())).toBe(true);
  });
});

describe("the first session: agenda, notes, action items", () => {
  test("the mentee writes the agenda from the template and shares it", async () => {
    await mentee.goto(firstSessionPath);
    await heading(mentee, "Mentoring session").waitFor();
    await settled(mentee);
    const agenda = mentee.getByRole("form", { name: "Your agenda" });
    for (const part of [
      "How I am doing",
      "What went well",
      "What did not go to plan",
      "What I want to get out of this session",
      "Challenges I see coming",
    ])
      await agenda.getByLabel(part, { exact: true }).waitFor();
    await agenda.getByLabel("How I am doing").fill(words.checkIn);
    await agenda.getByLabel("What I want to get out of this session").fill(words.wantFromSession);
    await agenda.getByRole("button", { name: "Save draft" }).click();
    await mentee.getByText(`A draft: ${tomas.name} cannot see it until you share it.`).waitFor();

    await mentor.goto(firstSessionPath);
    await settled(mentor);
    await mentor.getByText(`${amara.name} has not shared an agenda for this session yet.`, { exact: false }).waitFor();
    expect(await mentor.getByText(words.wantFromSession).count()).toBe(0);

    await agenda.getByRole("button", { name: `Save and share with ${tomas.name}` }).click();
    await mentee.getByText(`Shared with ${tomas.name}. Changes you save are shared straight away.`).waitFor();
    await expectNoSeriousAxeViolations(mentee, "session with agenda (mentee)");
  });

  test("the mentor reads it and comments with the keyboard, but cannot edit it", async () => {
    await mentor.reload();
    await settled(mentor);
    await mentor.getByText(words.wantFromSession).waitFor();
    await mentor.getByText(words.checkIn).waitFor();
    // No edit control for the mentor: no agenda form, no agenda fields, no share button.
    expect(await mentor.getByRole("form", { name: "Your agenda" }).count()).toBe(0);
    expect(await mentor.getByLabel("How I am doing").count()).toBe(0);
    expect(await mentor.getByRole("button", { name: /^(Save draft|Save changes|Save and share)/ }).count()).toBe(0);

    await mentor.getByLabel("Add a comment").focus();
    await mentor.keyboard.type(words.comment);
    await mentor.keyboard.press("Tab");
    expect(await focused(mentor)).toBe("button:Add comment");
    await mentor.keyboard.press("Enter");
    await mentor.locator(".comment-list").getByText(words.comment).waitFor();
    await expectNoSeriousAxeViolations(mentor, "session with agenda (mentor)");

    // A hand-made request with the mentor's own browser session is refused, and changes nothing.
    const sessionId = firstSessionPath.split("/").pop();
    const attempt = await asBrowser(tomasContext, "PUT", `/api/relationships/${pairPath.split("/")[2]}/sessions/${sessionId}/agenda`, {
      version: 2,
      sections: { check_in: "Rewritten by the mentor" },
    });
    expect(attempt.status, JSON.stringify(attempt.json)).toBe(403);
    expect(attempt.json.error.code).toBe("agenda_mentee_only");
    await mentee.reload();
    await settled(mentee);
    await expect(mentee.getByLabel("How I am doing").inputValue()).resolves.toBe(words.checkIn);
    await mentee.getByText(words.comment).waitFor();
  });

  test("both write shared notes; the mentor's private note stays his", async () => {
    const menteeShared = mentee.getByRole("region", { name: "Shared notes" });
    await menteeShared.getByLabel("Notes you share").fill(words.menteeShared);
    await menteeShared.getByRole("button", { name: "Save shared notes" }).click();
    await menteeShared.getByText(/^Saved /).waitFor();

    await mentor.reload();
    await settled(mentor);
    const mentorShared = mentor.getByRole("region", { name: "Shared notes" });
    await expect(mentorShared.getByLabel("Notes you share").inputValue()).resolves.toBe(words.menteeShared);
    await mentorShared.getByLabel("Notes you share").fill(`${words.menteeShared}\n${words.mentorShared}`);
    await mentorShared.getByRole("button", { name: "Save shared notes" }).click();
    await mentorShared.getByText(/^Saved .* by Tomas Mentor$/).waitFor();

    const mentorPrivate = mentor.getByRole("region", { name: "Your private notes" });
    await mentorPrivate.getByLabel("Notes for yourself").fill(words.mentorPrivate);
    await mentorPrivate.getByRole("button", { name: "Save private notes" }).click();
    await mentorPrivate.getByText(/^Saved /).waitFor();
    await expectNoSeriousAxeViolations(mentor, "session notes (mentor)");

    await mentee.reload();
    await settled(mentee);
    await expect(mentee.getByRole("region", { name: "Shared notes" }).getByLabel("Notes you share").inputValue()).resolves.toBe(
      `${words.menteeShared}\n${words.mentorShared}`,
    );
    await expect(mentee.getByRole("region", { name: "Your private notes" }).getByLabel("Notes for yourself").inputValue()).resolves.toBe(
      "",
    );
    expect(await mentee.locator("body").textContent()).not.toContain(words.mentorPrivate);
    expect(await mentee.content()).not.toContain(words.mentorPrivate);
  });

  test("the mentee adds an action item she owns, by keyboard; it carries into the next agenda", async () => {
    const due = new Date(Date.now() + 4 * DAY);
    const form = mentee.getByRole("form", { name: "Add an action item" });
    await form.getByLabel("What needs doing").focus();
    await mentee.keyboard.type(words.actionItem);
    await mentee.keyboard.press("Tab");
    expect(await focused(mentee)).toBe("select:Who");
    await expect(form.getByLabel("Who").inputValue()).resolves.toBe("mentee");
    await mentee.keyboard.press("Tab");
    expect(await focused(mentee)).toMatch(/^input:Due \(optional\)/);
    // A date field's typing order depends on the browser's own locale, so the date is filled in.
    await form.getByLabel("Due (optional)").fill(isoDay(due));
    await expect(form.getByLabel("Due (optional)").inputValue()).resolves.toBe(isoDay(due));
    // Enter in a field submits the form, as in any form on the web.
    await mentee.keyboard.press("Enter");
    const agreed = mentee.getByRole("list", { name: "Agreed in this session" });
    await agreed.getByRole("checkbox", { name: new RegExp(`^${words.actionItem}\\s*You · due`) }).waitFor();
    await expectNoSeriousAxeViolations(mentee, "session with action item (mentee)");

    // The next session's agenda lists it as carried over, for both of them.
    for (const p of [mentee, mentor]) {
      await p.goto(secondSessionPath);
      await settled(p);
      const carried = p.getByRole("list", { name: "Carried into this session" });
      const owner = p === mentee ? "You" : "Mentee";
      await carried.getByRole("checkbox", { name: new RegExp(`^${words.actionItem}\\s*${owner} · due`) }).waitFor();
    }
  });
});

describe("goals", () => {
  let goalPath = "";

  test("a vague goal is flagged by the SMART check, then fixed", async () => {
    await section(mentee, tomas.name, "Goals");
    await heading(mentee, "Goals").waitFor();
    await mentee.getByRole("link", { name: "New goal" }).click();
    await heading(mentee, "New goal").waitFor();
    await mentee.getByLabel("Title").fill(words.vagueGoal);
    await mentee.getByLabel("Goal", { exact: true }).fill("Handle incidents better");
    await expectNoSeriousAxeViolations(mentee, "new goal");
    // Hints, not errors: she can save anyway, and the saved goal keeps pointing them out.
    await mentee.getByRole("button", { name: "Add goal" }).click();
    await heading(mentee, words.vagueGoal).waitFor();
    goalPath = new URL(mentee.url()).pathname;
    const smart = mentee.getByRole("region", { name: "SMART check" });
    await smart.getByText(/Add a measure of success/).waitFor();
    await smart.getByText(/Pick a target date/).waitFor();
    await smart.getByText(/"get better at" is hard to check off/).waitFor();
    await expectNoSeriousAxeViolations(mentee, "goal with SMART hints");

    await mentee.getByRole("button", { name: "Edit goal" }).click();
    await heading(mentee, "Edit goal").waitFor();
    await mentee.getByLabel("Title").fill(words.goal);
    await mentee.getByLabel("Goal", { exact: true }).fill("Run incident reviews for the platform team.");
    await mentee.getByLabel("Reality", { exact: true }).fill(words.goalReality);
    await mentee.getByLabel("Will", { exact: true }).fill(words.goalWill);
    await mentee.getByLabel("Measure of success").fill(words.goalMeasure);
    await mentee.getByLabel("Target date").fill(isoDay(new Date(Date.now() + 30 * DAY)));
    await mentee.getByText("Specific, measurable and dated: nothing to add.").waitFor();
    await mentee.getByRole("button", { name: "Save goal" }).click();
    await heading(mentee, words.goal).waitFor();
    await mentee.getByRole("region", { name: "SMART check" }).getByText("Nothing to add.").waitFor();
  });

  test("she updates progress; the history records it", async () => {
    await mentee.getByRole("button", { name: "Edit goal" }).click();
    await mentee.getByLabel("Status").selectOption("in_progress");
    await mentee.getByLabel("Progress (%)").fill("50");
    await mentee.getByRole("button", { name: "Save goal" }).click();
    await mentee.getByText("Progress: 50%").waitFor();
    await mentee
      .getByRole("region", { name: "History" })
      .getByText(/You changed status, progress/)
      .waitFor();
  });

  test("the mentor comments; he has no edit control and the API refuses his edit", async () => {
    await mentor.goto(`${pairPath}/goals`);
    await heading(mentor, "Goals").waitFor();
    await settled(mentor);
    await mentor.getByRole("link", { name: words.goal }).click();
    await heading(mentor, words.goal).waitFor();
    await settled(mentor);
    expect(await mentor.getByRole("button", { name: "Edit goal" }).count()).toBe(0);
    expect(await mentor.getByRole("link", { name: "New goal" }).count()).toBe(0);
    await mentor.getByLabel("Add a comment").fill(words.goalComment);
    await mentor.getByRole("button", { name: "Add comment" }).click();
    await mentor.getByRole("region", { name: "Comments" }).getByText(words.goalComment).waitFor();
    await expectNoSeriousAxeViolations(mentor, "goal (mentor)");

    const attempt = await asBrowser(
      tomasContext,
      "PATCH",
      `/api/relationships/${pairPath.split("/")[2]}${goalPath.slice(pairPath.length)}`,
      {
        version: 3,
        progress: 100,
      },
    );
    expect(attempt.status, JSON.stringify(attempt.json)).toBe(403);
    expect(attempt.json.error.code).toBe("mentee_owns_goals");
    await mentee.reload();
    await mentee.getByText("Progress: 50%").waitFor();
    await mentee.getByText(words.goalComment).waitFor();
  });
});

describe("reflections", () => {
  test("the mentee keeps one reflection private and shares another; the mentor sees the shared one only", async () => {
    await section(mentee, tomas.name, "Reflections");
    await heading(mentee, "Reflections").waitFor();
    await mentee.getByRole("heading", { name: /^Week 11/ }).waitFor();
    for (const text of [words.privateReflection, words.sharedReflection]) {
      await mentee.locator("#reflection-body").fill(text);
      await expect(mentee.getByRole("checkbox", { name: `Share with ${tomas.name}` }).isChecked()).resolves.toBe(false);
      await mentee.getByRole("button", { name: "Save reflection" }).click();
      await mentee.getByRole("listitem").filter({ hasText: text }).getByText("Private", { exact: true }).waitFor();
    }
    await mentee
      .getByRole("listitem")
      .filter({ hasText: words.sharedReflection })
      .getByRole("button", { name: `Share with ${tomas.name}` })
      .click();
    await mentee.getByRole("listitem").filter({ hasText: words.sharedReflection }).getByText(`Shared with ${tomas.name}`).waitFor();
    await expect(
      mentee.getByRole("listitem").filter({ hasText: words.privateReflection }).getByText("Private", { exact: true }).count(),
    ).resolves.toBe(1);
    await expectNoSeriousAxeViolations(mentee, "reflections (mentee)");

    await mentor.goto(`${pairPath}/reflections`);
    await settled(mentor);
    await mentor.getByText(words.sharedReflection).waitFor();
    expect(await mentor.content()).not.toContain(words.privateReflection);
    await expectNoSeriousAxeViolations(mentor, "reflections (mentor)");
  });
});

describe("the session is held", () => {
  test("once it has started, the mentee marks the first session held", async () => {
    // The session starts at the plan's time; everything above happened while it was ahead.
    // Server and browsers move to just after it began, together.
    const justStarted = new Date(Math.max(Date.now(), firstStart.getTime() + 1_000));
    await server.moveClockTo(justStarted);
    for (const context of [amaraContext, tomasContext, cleoContext]) await context.clock.install({ time: justStarted });
    await mentee.goto(firstSessionPath);
    await heading(mentee, "Mentoring session").waitFor();
    await settled(mentee);
    await mentee.getByRole("button", { name: "We met: mark as held" }).click();
    await mentee.locator(".session__status").getByText("Held").waitFor();
    await mentee.getByRole("button", { name: "Held" }).waitFor();
    await mentor.goto(firstSessionPath);
    await mentor.locator(".session__status").getByText("Held").waitFor();
  });
});

describe("closing the term", () => {
  test("the final debrief: goal and relationship reflections and a roadmap, shared", async () => {
    await mentee.goto(`${pairPath}/reflections/debrief`);
    await heading(mentee, "Final debrief").waitFor();
    await settled(mentee);
    await mentee.getByLabel(new RegExp(`^${words.goal}`)).fill(words.debriefGoal);
    await mentee.getByLabel("The relationship").fill(words.debriefRelationship);
    await mentee.getByLabel("After the programme").fill(words.roadmap);
    await mentee.getByRole("button", { name: "Save debrief" }).click();
    await mentee.getByRole("button", { name: `Share with ${tomas.name}` }).click();
    await mentee.getByRole("heading", { name: `Shared with ${tomas.name}` }).waitFor();
    await expectNoSeriousAxeViolations(mentee, "debrief (mentee)");

    await mentor.goto(`${pairPath}/reflections/debrief`);
    await heading(mentor, "Final debrief").waitFor();
    await settled(mentor);
    await mentor.getByRole("heading", { name: `${amara.name}'s debrief` }).waitFor();
    await mentor.getByText(words.roadmap).waitFor();
    await mentor.getByText(words.debriefRelationship).waitFor();
    await mentor.getByLabel("The relationship").fill(words.mentorDebrief);
    await mentor.getByRole("button", { name: "Save debrief" }).click();
    await mentor.getByRole("button", { name: `Share with ${amara.name}` }).waitFor();
    await expectNoSeriousAxeViolations(mentor, "debrief (mentor)");
  });

  test("the coordinator's pair health shows how they are doing, none of what they wrote", async () => {
    await coordinator.goto(`/programmes/${programmeId}`);
    await coordinator.getByRole("navigation", { name: "Sections of Platform Guild" }).getByRole("link", { name: "Pair health" }).click();
    await heading(coordinator, "Pair health").waitFor();
    await settled(coordinator);
    const row = coordinator.getByRole("row").filter({ hasText: amara.name });
    await row.getByText(tomas.name).waitFor();
    await row.getByText(/1 held/).waitFor();
    await row.getByText("50% on average").waitFor();
    await expectNoSeriousAxeViolations(coordinator, "pair health");
    const page = await coordinator.content();
    for (const text of Object.values(words)) expect(page, `pair health shows "${text}"`).not.toContain(text);
  });

  test("both choose to keep meeting: the pair completes the term and stays writable", async () => {
    await mentee.goto(pairPath);
    await heading(mentee, `Your workspace with ${tomas.name}`).waitFor();
    await mentee.getByRole("button", { name: "Yes, let's continue" }).click();
    await mentee.getByText(/You said yes\. Waiting for Tomas Mentor to answer\./).waitFor();
    await expectNoSeriousAxeViolations(mentee, "overview, waiting for the partner's answer");

    await mentor.goto(pairPath);
    await heading(mentor, `Your workspace with ${amara.name}`).waitFor();
    await mentor.getByText(`${amara.name} has answered.`).waitFor();
    await mentor.getByRole("button", { name: "Yes, let's continue" }).click();
    await mentor.getByRole("heading", { name: "Meeting after the programme" }).waitFor();

    await mentee.reload();
    await settled(mentee);
    await mentee.locator(".workspace__with").getByText("Completed, continuing").waitFor();
    await mentee.getByRole("heading", { name: "Meeting after the programme" }).waitFor();
    await mentee.getByText("You both chose to keep meeting after the term.").waitFor();
    expect(await mentee.getByRole("note").count()).toBe(0);
    await expectNoSeriousAxeViolations(mentee, "overview, continuing");

    // Still writable: the mentee adds the next action item; the series carries on.
    const form = mentee.getByRole("form", { name: "Add an action item" });
    await form.getByLabel("What needs doing").fill("Book the next incident review");
    await form.getByRole("button", { name: "Add action item" }).click();
    await mentee
      .getByRole("list", { name: "Action items" })
      .getByRole("checkbox", { name: /Book the next incident review/ })
      .waitFor();
    await section(mentee, tomas.name, "Sessions");
    await mentee
      .getByRole("status")
      .filter({ hasText: /upcoming session/ })
      .waitFor();
  });

  test("afterwards the coordinator sees that the pair completed, still nothing of what they wrote", async () => {
    await coordinator.goto(`/programmes/${programmeId}/matching/pairs`);
    await settled(coordinator);
    const row = coordinator.getByRole("row").filter({ hasText: amara.name });
    await row.getByText(/Completed/).waitFor();
    await expectNoSeriousAxeViolations(coordinator, "matching pairs (coordinator)");
    const page = await coordinator.content();
    for (const text of Object.values(words)) expect(page, `the pairs list shows "${text}"`).not.toContain(text);
    // A continuing pair is outside programme reporting: it has left the live health list…
    await coordinator.goto(`/programmes/${programmeId}/pairs-health`);
    await settled(coordinator);
    expect(await coordinator.getByRole("row").filter({ hasText: amara.name }).count()).toBe(0);
    await coordinator.getByRole("heading", { name: "No current pairs" }).waitFor();
    // …and is still there, as counts and dates, among all pairs.
    await coordinator.getByRole("link", { name: "All, including finished" }).click();
    await coordinator
      .getByRole("row")
      .filter({ hasText: amara.name })
      .getByText(/Completed/)
      .waitFor();
    await expectNoSeriousAxeViolations(coordinator, "pair health, all pairs");
    const allPage = await coordinator.content();
    for (const text of Object.values(words)) expect(allPage, `all pairs' health shows "${text}"`).not.toContain(text);
    // …and the full list through the API is counts and dates, without a word of theirs.
    const all = await cleoApi("GET", `/api/programmes/${programmeId}/pairs-health?status=all`);
    expect(all.status).toBe(200);
    expect(all.json.items).toHaveLength(1);
    expect(all.json.items[0]).toMatchObject({ status: "completed", sessionsHeld: 1, planAcknowledged: true });
    const json = JSON.stringify(all.json);
    for (const text of Object.values(words)) expect(json, `pairs-health API shows "${text}"`).not.toContain(text);
  });

  test("no email sent during the term carries what the pair wrote", async () => {
    const mails = await readMailbox(server.dataDir);
    expect(mails.length).toBeGreaterThanOrEqual(4);
    const messages: string[] = [];
    for (const mail of mails) {
      const message = await decodedMessage(mail.file);
      messages.push(message);
      for (const text of Object.values(words)) expect(message, `"${mail.subject}" carries "${text}"`).not.toContain(text);
    }
    // The search reads decoded bodies, not only headers: the invitations' own words are found.
    expect(messages.filter((m) => m.includes("The attached invitation adds it to your calendar.")).length).toBeGreaterThanOrEqual(4);
  });
});
