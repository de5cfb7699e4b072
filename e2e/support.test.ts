import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectNoSeriousAxeViolations, launchBrowser, newContext } from "./support/browser";
import { type GroveServer, startGroveServer } from "./support/grove-server";
import { readMailbox, waitForMail } from "./support/mailbox";
import { expectNoHorizontalScroll, focused, heading, setUpInstance } from "./support/page-helpers";
import { apiSession, settled, signIn } from "./support/session";

// The support loop, end to end: a coordinator sends the fortnightly pulse, a mentee answers
// it on her phone from the email's link without signing in, the low score reaches the
// coordinator's queue, and the coordinator acknowledges it from the keyboard, logs a
// check-in and resolves it. What the pair writes never shows on any of these screens.

const admin = { name: "Cleo Coordinator", email: "cleo@example.org", password: "plenty of words here" };
const password = "a long enough password";
const people = [
  "mo@example.org,Mo Mentor,mentor,14,Go:5,technical skills,,Europe/Lisbon,English,1,",
  "noor@example.org,Noor Mentee,mentee,2,Go:3,,technical skills,Europe/London,English,,",
];
const PRIVATE = ["Negotiate my title at the review", "I feel stuck in the payments team"];
const NOTE = "Noor wants a slower pace; Mo is travelling until the 20th.";

let server: GroveServer;
let browser: Browser;
let contexts: BrowserContext[] = [];
let cleo: Page;
let phone: Page;
let programmeId = "";

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
  expect(published.json).toMatchObject({ created: 1, status: "active" });
  // The pair writes something of their own; no coordinator screen may show it.
  const noor = await apiSession(server.baseUrl, "noor@example.org", password);
  const pairs = await noor("GET", "/api/relationships");
  expect((await noor("POST", `/api/relationships/${pairs.json[0].id}/goals`, { title: PRIVATE[0] })).status).toBe(201);
  expect((await noor("POST", `/api/relationships/${pairs.json[0].id}/reflections`, { body: PRIVATE[1] })).status).toBe(201);

  browser = await launchBrowser();
  contexts = [await newContext(browser, server.baseUrl), await newContext(browser, server.baseUrl, { width: 360, height: 740 })];
  cleo = await contexts[0].newPage();
  phone = await contexts[1].newPage();
  await signIn(cleo, admin.email, admin.password);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const queueOf = (p: Page) => p.getByRole("table", { name: "Alerts, longest waiting first" });

describe("from a low pulse to a resolved alert", () => {
  let link = "";
  let unsubscribe = "";

  test("the coordinator finds the default surveys and sends the pulse now", async () => {
    await cleo.goto(`/programmes/${programmeId}`);
    await cleo.getByRole("navigation", { name: "Sections of Backend Guild" }).getByRole("link", { name: "Surveys" }).click();
    await heading(cleo, "Surveys").waitFor();
    await settled(cleo);
    const table = cleo.getByRole("table", { name: "Surveys of Backend Guild" });
    for (const title of ["Fortnightly pulse", "Mid-point check", "End of programme"])
      await table.getByRole("link", { name: title, exact: true }).waitFor();
    await expectNoSeriousAxeViolations(cleo, "surveys list");
    await cleo.getByRole("button", { name: "Send now Fortnightly pulse" }).click();
    const dialog = cleo.getByRole("dialog", { name: 'Send "Fortnightly pulse" now?' });
    await dialog.getByRole("button", { name: "Send now" }).click();
    await cleo.getByText('"Fortnightly pulse" sent to 2 people.').waitFor();
  });

  test("the mentee gets the email with a one-click link", async () => {
    const mail = await waitForMail(server.dataDir, {
      to: "noor@example.org",
      subject: "Fortnightly pulse: a few questions from Backend Guild",
    });
    expect(mail.text).toContain("It is about your time with Mo Mentor.");
    unsubscribe = /http:\/\/127\.0\.0\.1:\d+(\/unsubscribe\/[\w.-]+)/.exec(mail.text)?.[1] as string;
    expect(unsubscribe).toContain(".");
    link = /http:\/\/127\.0\.0\.1:\d+(\/s\/[\w-]+)/.exec(mail.text)?.[1] as string;
    expect(link).toMatch(/^\/s\//);
  });

  test("on her phone, not signed in, she reads who will see her answers and answers", async () => {
    await phone.goto(link);
    await heading(phone, "Fortnightly pulse").waitFor();
    await phone.getByText("Your coordinators will see your name with your answers").waitFor();
    await expectNoHorizontalScroll(phone, "the survey page");
    await expectNoSeriousAxeViolations(phone, "survey page at 360 px");
    // Sending with the required question blank says what is missing and stores nothing.
    await phone.getByRole("button", { name: "Send answers" }).click();
    await phone.getByRole("alert").getByText("This question needs an answer.").waitFor();
    await phone
      .getByRole("group", { name: /How is your mentoring going\?/ })
      .getByLabel("2", { exact: true })
      .check();
    await phone.getByLabel(/Is there anything your coordinator should know\?/).fill("We keep moving our sessions");
    await phone.getByRole("button", { name: "Send answers" }).click();
    await phone.getByRole("heading", { name: "Thank you — your answers are in." }).waitFor();
    await expectNoHorizontalScroll(phone, "the thank-you page");
    // The link is spent now.
    await phone.reload();
    await phone.getByRole("heading", { name: "You have already answered this survey." }).waitFor();
    // The email's unsubscribe link (a signed token with a dot in it) opens its page, which asks first.
    await phone.goto(unsubscribe);
    await heading(phone, "Stop these emails?").waitFor();
  });

  test("the low pulse is in the coordinator's queue, and she acknowledges it from the keyboard", async () => {
    // The answer asked for an evaluation at once: the job worker raises the alert within moments.
    const api = await apiSession(server.baseUrl, admin.email, admin.password);
    const since = Date.now();
    while ((await api("GET", `/api/programmes/${programmeId}/alerts?type=low_pulse`)).json.total === 0) {
      if (Date.now() - since > 20_000) throw new Error("the low pulse never reached the queue");
      await new Promise((r) => setTimeout(r, 100));
    }
    await cleo.goto(`/programmes/${programmeId}/alerts`);
    await heading(cleo, "Alerts").waitFor();
    await settled(cleo);
    const row = queueOf(cleo).getByRole("row", { name: /Low pulse/ });
    await row.getByText("Pulse of 2 of 5 from the mentee.").waitFor();
    await row.getByText("Noor Mentee and Mo Mentor").waitFor();
    await expectNoSeriousAxeViolations(cleo, "alert queue");
    await cleo.getByRole("checkbox", { name: "Select: Low pulse, Noor Mentee and Mo Mentor" }).focus();
    await cleo.keyboard.press("Space");
    await cleo.getByText("1 selected.").waitFor();
    // The bulk bar sits above the table: Shift+Tab back to its Acknowledge button, then Enter.
    for (let i = 0; i < 12 && (await focused(cleo)) !== "button:Acknowledge the selected alerts"; i++)
      await cleo.keyboard.press("Shift+Tab");
    expect(await focused(cleo)).toBe("button:Acknowledge the selected alerts");
    await cleo.keyboard.press("Enter");
    await cleo.getByText("1 alert acknowledged.").waitFor();
    await queueOf(cleo)
      .getByRole("row", { name: /Low pulse/ })
      .getByText("Acknowledged")
      .waitFor();
  });

  test("from the alert she sees the pair's metadata, logs a check-in and resolves it", async () => {
    await queueOf(cleo).getByRole("link", { name: "Low pulse" }).click();
    await heading(cleo, "Alert").waitFor();
    await settled(cleo);
    await cleo.getByRole("heading", { name: "Low pulse: Noor Mentee and Mo Mentor" }).waitFor();
    const pair = cleo.getByRole("region", { name: "The pair" });
    await pair.getByText("0 held, 0 missed", { exact: false }).waitFor();
    await expectNoSeriousAxeViolations(cleo, "alert page");
    const form = cleo.getByRole("form", { name: "Log a check-in" });
    await form.getByLabel("Needs support").check();
    await form.getByLabel("Your note (optional)").fill(NOTE);
    await form.getByRole("button", { name: "Log check-in" }).click();
    await form.getByText("Check-in logged.").waitFor();
    await cleo.getByRole("region", { name: "Check-in history" }).getByText(NOTE).waitFor();
    await cleo.getByLabel("How was it resolved?").fill("Talked to both; they moved to fortnightly sessions.");
    await cleo.getByRole("button", { name: "Resolve" }).click();
    await cleo.getByRole("button", { name: "Reopen" }).waitFor();
    await cleo.getByText("Talked to both; they moved to fortnightly sessions.", { exact: true }).first().waitFor();
    const history = cleo.getByRole("region", { name: "What happened to this alert" });
    for (const step of ["Raised", "Acknowledged", "Check-in logged", "Resolved"]) await history.getByText(step, { exact: true }).waitFor();
  });

  test("the queue lists it as resolved, and the results show the answer", async () => {
    await cleo.goto(`/programmes/${programmeId}/alerts?state=resolved`);
    await settled(cleo);
    await queueOf(cleo).getByRole("link", { name: "Low pulse" }).waitFor();
    await cleo.goto(`/programmes/${programmeId}/surveys`);
    await settled(cleo);
    await cleo.getByRole("link", { name: "Fortnightly pulse", exact: true }).click();
    await heading(cleo, "Survey results").waitFor();
    await settled(cleo);
    await cleo.getByText("1 of 2 asked (50%)").waitFor();
    await cleo.getByRole("table", { name: 'Answers to "How is your mentoring going?"' }).waitFor();
    await cleo.getByText("We keep moving our sessions").waitFor();
    await expectNoSeriousAxeViolations(cleo, "survey results");
  });

  test("the builder previews a new survey as respondents will see it; check-ins and settings pages pass axe", async () => {
    await cleo.goto(`/programmes/${programmeId}/surveys/new`);
    await heading(cleo, "New survey").waitFor();
    await cleo.getByLabel("Title").fill("Tooling check");
    await cleo.getByLabel("Question", { exact: true }).fill("How useful are the weekly resources?");
    const preview = cleo.getByRole("region", { name: "Preview" });
    await preview.getByRole("heading", { name: "Tooling check" }).waitFor();
    await preview.getByRole("group", { name: /How useful are the weekly resources\?/ }).waitFor();
    await cleo.getByLabel("Anonymous").check();
    await preview.getByText("This survey is anonymous.", { exact: false }).waitFor();
    await expectNoSeriousAxeViolations(cleo, "survey builder");
    await cleo.getByRole("button", { name: "Create survey" }).click();
    await heading(cleo, "Surveys").waitFor();
    await cleo.getByText('"Tooling check" created as a draft.').waitFor();
    for (const [path, title] of [
      [`/programmes/${programmeId}/check-ins`, "Check-ins"],
      [`/programmes/${programmeId}/support-settings`, "Support settings"],
    ]) {
      await cleo.goto(path);
      await heading(cleo, title).waitFor();
      await settled(cleo);
      await expectNoSeriousAxeViolations(cleo, title);
    }
    await cleo.goto(`/programmes/${programmeId}/check-ins`);
    await settled(cleo);
    await cleo.getByRole("link", { name: "Noor Mentee and Mo Mentor" }).click();
    await heading(cleo, "Pair check-ins").waitFor();
    await settled(cleo);
    await cleo.getByRole("region", { name: "History" }).getByText(NOTE).waitFor();
    await expectNoSeriousAxeViolations(cleo, "a pair's check-ins");
  });

  test("nothing the pair wrote appears on a coordinator's screen or in any email, and the mentee never sees the note", async () => {
    for (const path of [
      `/programmes/${programmeId}/alerts?state=resolved`,
      `/programmes/${programmeId}/check-ins`,
      `/programmes/${programmeId}/surveys`,
    ]) {
      await cleo.goto(path);
      await settled(cleo);
      const text = (await cleo.locator("main").textContent()) ?? "";
      for (const words of PRIVATE) expect(text, `${words} on ${path}`).not.toContain(words);
    }
    const mails = (await readMailbox(server.dataDir)).map((m) => m.text).join("\n");
    for (const words of [...PRIVATE, NOTE]) expect(mails).not.toContain(words);
    await signIn(phone, "noor@example.org", password);
    for (const path of ["/pairs", "/surveys"]) {
      await phone.goto(path);
      await settled(phone);
      expect((await phone.locator("main").textContent()) ?? "").not.toContain(NOTE);
    }
  });
});
