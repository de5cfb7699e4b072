import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectNoSeriousAxeViolations, launchBrowser, newContext } from "./support/browser";
import { type GroveServer, startGroveServer } from "./support/grove-server";
import { readMailbox } from "./support/mailbox";
import { expectNoHorizontalScroll, heading, setUpInstance } from "./support/page-helpers";
import { apiSession, settled, signIn } from "./support/session";

// A smoke test of the pair workspace screens: a mentee and her mentor, paired by a
// published round, write the plan, schedule a series, prepare an agenda, and both edit
// the shared notes at once (the second one merges). Axe on every screen.

const admin = { name: "Cleo Coordinator", email: "cleo@example.org", password: "plenty of words here" };
const password = "a long enough password";
const people = [
  "mo@example.org,Mo Mentor,mentor,14,Go:5,technical skills,,Europe/Lisbon,English,1,",
  "noor@example.org,Noor Mentee,mentee,2,Go:3,,technical skills,Europe/London,English,,",
];

let server: GroveServer;
let browser: Browser;
let noorContext: BrowserContext;
let moContext: BrowserContext;
let noor: Page;
let mo: Page;
let pairPath = "";
let sessionPath = "";

beforeAll(async () => {
  server = await startGroveServer();
  await setUpInstance(server.baseUrl, admin);
  const api = await apiSession(server.baseUrl, admin.email, admin.password);
  for (const row of people) {
    const [email, name] = row.split(",");
    expect((await api("POST", "/api/users", { email, name, password })).status).toBe(201);
  }
  const programme = await api("POST", "/api/programmes", { name: "Backend Guild", acceptance: "auto" });
  const programmeId = programme.json.id;
  const csv = ["email,name,role,years_experience,skills,offers,seeks,timezone,languages,capacity,manager_email", ...people].join("\n");
  expect((await api("POST", `/api/programmes/${programmeId}/imports`, csv, "text/csv")).json.errors).toEqual([]);
  const round = await api("POST", `/api/programmes/${programmeId}/match-rounds`, {});
  expect(round.status, JSON.stringify(round.json)).toBe(201);
  const published = await api("POST", `/api/programmes/${programmeId}/match-rounds/${round.json.id}/publish`, {});
  expect(published.json, JSON.stringify(published.json)).toMatchObject({ created: 1, status: "active" });

  browser = await launchBrowser();
  noorContext = await newContext(browser, server.baseUrl);
  moContext = await newContext(browser, server.baseUrl);
  noor = await noorContext.newPage();
  mo = await moContext.newPage();
  await signIn(noor, "noor@example.org", password);
  await signIn(mo, "mo@example.org", password);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the pair workspace", () => {
  test("My pairs lists the pair and opens its workspace", async () => {
    await noor.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My pairs" }).click();
    await heading(noor, "My pairs").waitFor();
    await settled(noor);
    await expectNoSeriousAxeViolations(noor, "my pairs");
    await noor.getByRole("link", { name: "Mo Mentor", exact: true }).click();
    await heading(noor, "Your workspace with Mo Mentor").waitFor();
    pairPath = new URL(noor.url()).pathname;
    expect(pairPath).toMatch(/^\/pairs\/[0-9a-f-]{36}$/);
    const nav = noor.getByRole("navigation", { name: "Workspace with Mo Mentor" });
    for (const section of ["Overview", "Plan", "Sessions", "Goals", "Reflections", "SWOT", "Introductions"])
      await expect(nav.getByRole("link", { name: section }).count()).resolves.toBe(1);
    await expect(nav.getByRole("link", { name: "Overview" }).getAttribute("aria-current")).resolves.toBe("page");
    await expectNoSeriousAxeViolations(noor, "workspace overview");
  });

  test("the plan is written, saved and acknowledged", async () => {
    await noor.getByRole("navigation", { name: "Workspace with Mo Mentor" }).getByRole("link", { name: "Plan" }).click();
    await heading(noor, "Your mentoring plan").waitFor();
    await settled(noor);
    await noor.getByLabel("Meeting day").selectOption("tue");
    await noor.getByLabel("Meeting time").fill("18:00");
    await noor.getByLabel("Time zone").selectOption("Europe/London");
    await noor.getByLabel("Video link or place").fill("https://meet.example.org/noor-mo");
    await noor.getByLabel("Notice needed to cancel (hours)").fill("24");
    await noor.getByLabel("What the mentee wants to focus on").fill("Code review confidence");
    await noor.getByRole("button", { name: "Save the plan" }).click();
    await noor.getByRole("button", { name: "I agree to version 1" }).click();
    await noor.getByText(/You: acknowledged/).waitFor();
    await noor.getByRole("heading", { name: "Changes to the plan" }).waitFor();
    await noor.getByText("Version 1 ·").waitFor();
    await expectNoSeriousAxeViolations(noor, "plan");
  });

  test("a weekly series is scheduled from the plan and invites both", async () => {
    await noor.getByRole("navigation", { name: "Workspace with Mo Mentor" }).getByRole("link", { name: "Sessions" }).click();
    await heading(noor, "Sessions").waitFor();
    await noor.getByRole("heading", { name: "No sessions planned" }).waitFor();
    await noor.getByRole("button", { name: "Schedule a session" }).click();
    const dialog = noor.getByRole("dialog", { name: "Schedule a session" });
    await expect(dialog.getByLabel("Starts").inputValue()).resolves.toBe("18:00");
    await dialog.getByLabel("Repeat").selectOption("weekly");
    await dialog.getByLabel("How many sessions").fill("3");
    await expectNoSeriousAxeViolations(noor, "schedule dialog");
    await dialog.getByRole("button", { name: "Schedule the series" }).click();
    await noor.getByRole("status").filter({ hasText: "3 upcoming sessions" }).waitFor();
    await expectNoSeriousAxeViolations(noor, "sessions list");
    // Mail is sent by the job worker shortly after the response.
    await expect
      .poll(async () => (await readMailbox(server.dataDir)).filter((m) => /3 sessions with/.test(m.subject)).length, { timeout: 20_000 })
      .toBe(2);
    await noor.getByRole("listitem").filter({ hasText: "Mentoring session" }).first().getByRole("link").click();
    await noor.getByRole("heading", { level: 1, name: "Mentoring session" }).waitFor();
    sessionPath = new URL(noor.url()).pathname;
  });

  test("the mentee writes and shares the agenda; the mentor reads it and comments", async () => {
    await settled(noor);
    await noor.getByLabel("How I am doing").fill("Busy week, good energy");
    await noor.getByLabel("What I want to get out of this session").fill("A plan for my first review");
    await noor.getByRole("button", { name: "Save draft" }).click();
    await noor.getByText("A draft: Mo Mentor cannot see it until you share it.").waitFor();

    await mo.goto(sessionPath);
    await mo.getByText("Noor Mentee has not shared an agenda for this session yet.", { exact: false }).waitFor();
    expect(await mo.getByText("A plan for my first review").count()).toBe(0);

    await noor.getByRole("button", { name: "Save and share with Mo Mentor" }).click();
    await noor.getByText("Shared with Mo Mentor. Changes you save are shared straight away.").waitFor();
    await expectNoSeriousAxeViolations(noor, "session (mentee)");

    await mo.reload();
    await mo.getByText("A plan for my first review").waitFor();
    await mo.getByLabel("Add a comment").fill("Bring one review you found hard");
    await mo.getByRole("button", { name: "Add comment" }).click();
    await mo.getByText("Bring one review you found hard").waitFor();
    await expectNoSeriousAxeViolations(mo, "session (mentor)");
  });

  test("two people saving shared notes at once: the second merges, nothing is lost", async () => {
    const noorShared = noor.getByRole("region", { name: "Shared notes" });
    const moShared = mo.getByRole("region", { name: "Shared notes" });
    await noorShared.getByLabel("Notes you share").fill("Noor: talked about reviews.");
    await moShared.getByLabel("Notes you share").fill("Mo: suggested pairing on one.");
    await noorShared.getByRole("button", { name: "Save shared notes" }).click();
    await noorShared.getByText(/^Saved /).waitFor();
    await moShared.getByRole("button", { name: "Save shared notes" }).click();
    const conflict = moShared.getByRole("alert").filter({ hasText: "saved these notes while you were writing" });
    await conflict.waitFor();
    await expect(conflict.getByText("Noor: talked about reviews.").count()).resolves.toBe(1);
    await expectNoSeriousAxeViolations(mo, "notes conflict");
    await conflict.getByRole("button", { name: "Keep both (saved text first)" }).click();
    await moShared.getByRole("button", { name: "Save the merged notes" }).click();
    await moShared.getByText(/^Saved /).waitFor();
    await noor.reload();
    await expect(noor.getByLabel("Notes you share").inputValue()).resolves.toBe(
      "Noor: talked about reviews.\n\nMo: suggested pairing on one.",
    );
  });

  test("cancelling asks first and says what the plan's notice rule means", async () => {
    await noor.getByRole("button", { name: "Cancel the session" }).click();
    const dialog = noor.getByRole("dialog", { name: "Cancel this session?" });
    await dialog.getByText("Your plan asks for 24 hours' notice.", { exact: false }).waitFor();
    await noor.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    await noor.getByRole("button", { name: "Cancel the session" }).click();
    await dialog.getByRole("radio", { name: "This one and every later one in the series" }).check();
    await dialog.getByRole("button", { name: "Cancel these sessions" }).click();
    await noor.locator(".session__status").getByText("Cancelled").waitFor();
  });

  test("the workspace fits a 360 px screen", async () => {
    await noor.setViewportSize({ width: 360, height: 800 });
    for (const path of [pairPath, `${pairPath}/plan`, `${pairPath}/sessions`, sessionPath]) {
      await noor.goto(path);
      await settled(noor);
      await expectNoHorizontalScroll(noor, path);
    }
  });
});
