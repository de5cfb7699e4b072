import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectNoSeriousAxeViolations, launchBrowser, newContext } from "./support/browser";
import { type GroveServer, startGroveServer } from "./support/grove-server";
import { expectNoHorizontalScroll, focused, heading, setUpInstance } from "./support/page-helpers";
import { apiSession, settled, signIn } from "./support/session";

// Goals, reflections, SWOT, introductions and the debrief in two browsers (a mentee and her
// mentor), the account's email settings, the unsubscribe page, and the coordinator's pair
// health table — which must show none of what the pair wrote. Axe on every screen.

const admin = { name: "Cleo Coordinator", email: "cleo@example.org", password: "plenty of words here" };
const password = "a long enough password";
const people = [
  "mo@example.org,Mo Mentor,mentor,14,Go:5,technical skills,,Europe/Lisbon,English,1,",
  "noor@example.org,Noor Mentee,mentee,2,Go:3,,technical skills,Europe/London,English,,",
];
// Words the pair writes; the coordinator's screen must contain none of them.
const PRIVATE = ["Lead the payments review rota", "Afraid of big meetings", "I froze in the demo", "Apply for the guild lead role"];

let server: GroveServer;
let browser: Browser;
let contexts: BrowserContext[] = [];
let noor: Page;
let mo: Page;
let cleo: Page;
let pairPath = "";
let programmeId = "";

const section = (p: Page, partner: string, name: string) =>
  p
    .getByRole("navigation", { name: `Workspace with ${partner}` })
    .getByRole("link", { name, exact: true })
    .click();

beforeAll(async () => {
  server = await startGroveServer();
  await setUpInstance(server.baseUrl, admin);
  const api = await apiSession(server.baseUrl, admin.email, admin.password);
  for (const row of people) {
    const [email, name] = row.split(",");
    expect((await api("POST", "/api/users", { email, name, password })).status).toBe(201);
  }
  const programme = await api("POST", "/api/programmes", { name: "Backend Guild", acceptance: "auto" });
  programmeId = programme.json.id;
  const csv = ["email,name,role,years_experience,skills,offers,seeks,timezone,languages,capacity,manager_email", ...people].join("\n");
  expect((await api("POST", `/api/programmes/${programmeId}/imports`, csv, "text/csv")).json.errors).toEqual([]);
  const round = await api("POST", `/api/programmes/${programmeId}/match-rounds`, {});
  expect(round.status, JSON.stringify(round.json)).toBe(201);
  const published = await api("POST", `/api/programmes/${programmeId}/match-rounds/${round.json.id}/publish`, {});
  expect(published.json, JSON.stringify(published.json)).toMatchObject({ created: 1, status: "active" });

  browser = await launchBrowser();
  contexts = await Promise.all([0, 1, 2].map(() => newContext(browser, server.baseUrl)));
  [noor, mo, cleo] = await Promise.all(contexts.map((c) => c.newPage()));
  await signIn(noor, "noor@example.org", password);
  await signIn(mo, "mo@example.org", password);
  await signIn(cleo, admin.email, admin.password);
  const pairs = await (await apiSession(server.baseUrl, "noor@example.org", password))("GET", "/api/relationships");
  pairPath = `/pairs/${pairs.json[0].id}`;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("goals", () => {
  test("the mentee writes a GROW goal; the SMART check speaks up while she types", async () => {
    await noor.goto(pairPath);
    await heading(noor, "Your workspace with Mo Mentor").waitFor();
    await section(noor, "Mo Mentor", "Goals");
    await heading(noor, "Goals").waitFor();
    await noor.getByRole("heading", { name: "No goals yet" }).waitFor();
    await expectNoSeriousAxeViolations(noor, "goals (empty)");
    await noor.getByRole("link", { name: "New goal" }).click();
    await heading(noor, "New goal").waitFor();

    await noor.getByLabel("Title").fill("Get better at code reviews");
    const tips = noor.getByRole("region", { name: "SMART check" });
    await tips.getByText(/suggestions, shown with each field/).waitFor();
    await noor.getByText(/"get better at" is hard to check off/).waitFor();
    await noor.getByText("Pick a target date", { exact: false }).waitFor();
    await expectNoSeriousAxeViolations(noor, "new goal with SMART hints");

    await noor.getByLabel("Title").fill(PRIVATE[0]);
    await noor.getByLabel("Goal", { exact: true }).fill("Run the weekly review rota for the payments team.");
    await noor.getByLabel("Reality", { exact: true }).fill("I review alone and rarely comment.");
    await noor.getByLabel("Will", { exact: true }).fill("Ask Sam to pair on two reviews this week");
    await noor.getByLabel("Measure of success").fill("I run the rota for 4 weeks in a row");
    await noor.getByLabel("Target date").fill(new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10));
    await tips.getByText("Specific, measurable and dated: nothing to add.").waitFor();
    await noor.getByRole("button", { name: "Add goal" }).click();
    await heading(noor, PRIVATE[0]).waitFor();
    await noor.getByText("Progress: 0%").waitFor();
  });

  test("she updates progress; the history says who changed what", async () => {
    await noor.getByRole("button", { name: "Edit goal" }).click();
    await heading(noor, "Edit goal").waitFor();
    await noor.getByLabel("Status").selectOption("in_progress");
    await noor.getByLabel("Progress (%)").fill("40");
    await noor.getByRole("button", { name: "Save goal" }).click();
    await noor.getByText("Progress: 40%").waitFor();
    await noor
      .getByRole("region", { name: "History" })
      .getByText(/You changed status, progress/)
      .waitFor();
    await expectNoSeriousAxeViolations(noor, "goal (mentee)");
  });

  test("the mentor reads it, cannot edit it, and comments with the keyboard", async () => {
    await mo.goto(`${pairPath}/goals`);
    await settled(mo);
    await mo.getByRole("link", { name: PRIVATE[0] }).click();
    await heading(mo, PRIVATE[0]).waitFor();
    await settled(mo);
    expect(await mo.getByRole("button", { name: "Edit goal" }).count()).toBe(0);
    await mo.getByLabel("Add a comment").focus();
    await mo.keyboard.type("Which review felt hardest this week?");
    await mo.keyboard.press("Tab");
    expect(await focused(mo)).toBe("button:Add comment");
    await mo.keyboard.press("Enter");
    await mo.getByRole("region", { name: "Comments" }).getByText("Which review felt hardest this week?").waitFor();
    await expectNoSeriousAxeViolations(mo, "goal (mentor)");
    await noor.reload();
    await noor.getByText("Which review felt hardest this week?").waitFor();
  });
});

describe("reflections, SWOT, introductions and the debrief", () => {
  test("a reflection is private until its author shares it", async () => {
    await section(noor, "Mo Mentor", "Reflections");
    await heading(noor, "Reflections").waitFor();
    await settled(noor);
    await noor.getByRole("heading", { name: /^Week \d+/ }).waitFor();
    const prompt = noor.locator("#reflection-body");
    await prompt.fill(PRIVATE[2]);
    await noor.getByRole("button", { name: "Save reflection" }).click();
    await noor.getByRole("listitem").filter({ hasText: PRIVATE[2] }).getByText("Private").waitFor();
    await expectNoSeriousAxeViolations(noor, "reflections (mentee)");

    await mo.goto(`${pairPath}/reflections`);
    await settled(mo);
    await mo.getByRole("heading", { name: "Nothing yet" }).waitFor();
    expect(await mo.getByText(PRIVATE[2]).count()).toBe(0);

    await noor.getByRole("button", { name: "Share with Mo Mentor" }).click();
    await noor.getByText("Shared with Mo Mentor", { exact: true }).waitFor();
    await mo.reload();
    await mo.getByText(PRIVATE[2]).waitFor();
    await expectNoSeriousAxeViolations(mo, "reflections (mentor)");
  });

  test("the SWOT stays hidden from the mentor until shared, then reads only", async () => {
    await section(noor, "Mo Mentor", "SWOT");
    await heading(noor, "Personal SWOT").waitFor();
    await settled(noor);
    await noor.getByLabel("Strengths").fill("Patient debugger\nGood at writing things down");
    await noor.getByLabel("Weaknesses").fill(PRIVATE[1]);
    await noor.getByRole("button", { name: "Save SWOT" }).click();
    await noor.getByRole("button", { name: "Share with Mo Mentor" }).waitFor();
    await expectNoSeriousAxeViolations(noor, "swot (mentee)");

    await mo.goto(`${pairPath}/swot`);
    await mo.getByRole("heading", { name: "Not shared with you" }).waitFor();
    await noor.getByRole("button", { name: "Share with Mo Mentor" }).click();
    await noor.getByRole("heading", { name: "Shared with Mo Mentor" }).waitFor();
    await mo.reload();
    await mo.getByText(PRIVATE[1]).waitFor();
    expect(await mo.getByRole("button", { name: "Save SWOT" }).count()).toBe(0);
    await expectNoSeriousAxeViolations(mo, "swot (mentor)");
  });

  test("the mentor logs an introduction; the mentee notes how it went", async () => {
    await mo.goto(`${pairPath}/introductions`);
    await heading(mo, "Introductions and opportunities").waitFor();
    await settled(mo);
    await mo.getByLabel("What", { exact: true }).fill("Intro to the platform team lead");
    await mo.getByLabel("Who or where (optional)").fill("Priya, Platform");
    await mo.getByRole("button", { name: "Log it" }).click();
    await mo.getByRole("heading", { name: "Intro to the platform team lead" }).waitFor();
    await expectNoSeriousAxeViolations(mo, "introductions (mentor)");

    await section(noor, "Mo Mentor", "Introductions");
    await settled(noor);
    await noor.getByLabel("Status").selectOption("done");
    await noor.getByLabel("How it went", { exact: true }).fill("Coffee chat; shadowing in March.");
    await noor.getByRole("button", { name: "Save outcome" }).click();
    await noor.getByText("Outcome saved.").waitFor({ state: "attached" });
    await mo.reload();
    await mo.getByText("Coffee chat; shadowing in March.").waitFor();
    await expectNoSeriousAxeViolations(noor, "introductions (mentee)");
  });

  test("each writes a final debrief, private until shared", async () => {
    await noor.goto(`${pairPath}/reflections/debrief`);
    await heading(noor, "Final debrief").waitFor();
    await settled(noor);
    await noor.getByLabel(new RegExp(`^${PRIVATE[0]}`)).fill("Ran it twice; the third time alone.");
    await noor.getByLabel("After the programme").fill(PRIVATE[3]);
    await noor.getByRole("button", { name: "Save debrief" }).click();
    await noor.getByRole("button", { name: "Share with Mo Mentor" }).waitFor();
    await expectNoSeriousAxeViolations(noor, "debrief (mentee)");
    await mo.goto(`${pairPath}/reflections/debrief`);
    await settled(mo);
    await mo.getByText("Noor Mentee has not shared a debrief with you yet.").waitFor();
    await noor.getByRole("button", { name: "Share with Mo Mentor" }).click();
    await noor.getByRole("heading", { name: "Shared with Mo Mentor" }).waitFor();
    await mo.reload();
    await mo.getByRole("heading", { name: "Noor Mentee's debrief" }).waitFor();
    await mo.getByText(PRIVATE[3]).waitFor();
    await expectNoSeriousAxeViolations(mo, "debrief (mentor)");
  });
});

describe("email settings and unsubscribe", () => {
  test("the account page switches reminders off and validates the hours", async () => {
    await noor.goto("/account");
    await heading(noor, "Account").waitFor();
    await settled(noor);
    const digest = noor.getByLabel("Weekly reflection prompt");
    await expect(digest.isChecked()).resolves.toBe(true);
    await digest.uncheck();
    await noor.getByLabel("Hours before a session").fill("200");
    await noor.getByRole("button", { name: "Save email settings" }).click();
    await noor.getByRole("alert").getByText("At most 96 hours before").waitFor();
    await noor.getByLabel("Hours before a session").fill("12");
    await noor.getByRole("button", { name: "Save email settings" }).click();
    await noor.getByText("Email settings saved.").waitFor({ state: "attached" });
    await noor.reload();
    await settled(noor);
    await expect(noor.getByLabel("Weekly reflection prompt").isChecked()).resolves.toBe(false);
    await expect(noor.getByLabel("Hours before a session").inputValue()).resolves.toBe("12");
    await expectNoSeriousAxeViolations(noor, "account");
  });

  test("the unsubscribe page asks first and explains a broken link", async () => {
    const anon = await (await newContext(browser, server.baseUrl)).newPage();
    await anon.goto("/unsubscribe/not-a-real-token-at-all");
    await heading(anon, "Stop these emails?").waitFor();
    await expectNoSeriousAxeViolations(anon, "unsubscribe");
    await anon.getByRole("button", { name: "Unsubscribe" }).click();
    await anon.getByRole("alert").getByText("This unsubscribe link is not valid.", { exact: false }).waitFor();
  });
});

describe("the coordinator", () => {
  test("sees how the pair is doing and nothing of what they wrote", async () => {
    await cleo.goto(`/programmes/${programmeId}`);
    await cleo.getByRole("navigation", { name: "Sections of Backend Guild" }).getByRole("link", { name: "Pair health" }).click();
    await heading(cleo, "Pair health").waitFor();
    await settled(cleo);
    const row = cleo.getByRole("row").filter({ hasText: "Noor Mentee" });
    await row.getByText("Mo Mentor").waitFor();
    await row.getByText("40% on average").waitFor();
    await expectNoSeriousAxeViolations(cleo, "pair health");
    const text = (await cleo.locator("main").textContent()) ?? "";
    for (const words of PRIVATE) expect(text).not.toContain(words);
    await cleo.getByRole("link", { name: "Mentee name" }).click();
    await expect(cleo.getByRole("link", { name: "Mentee name" }).getAttribute("aria-current")).resolves.toBe("page");
  });

  test("the growth pages fit a 360 px screen", async () => {
    await noor.setViewportSize({ width: 360, height: 800 });
    for (const path of ["goals", "goals/new", "reflections", "reflections/debrief", "swot", "introductions"].map(
      (p) => `${pairPath}/${p}`,
    )) {
      await noor.goto(path);
      await settled(noor);
      await expectNoHorizontalScroll(noor, path);
    }
    await cleo.setViewportSize({ width: 360, height: 800 });
    await cleo.goto(`/programmes/${programmeId}/pairs-health`);
    await settled(cleo);
    await expectNoHorizontalScroll(cleo, "pair health");
  });
});
