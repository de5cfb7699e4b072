import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectNoSeriousAxeViolations, launchBrowser, newContext } from "./support/browser";
import { type GroveServer, startGroveServer } from "./support/grove-server";
import { waitForMail } from "./support/mailbox";
import { expectNoHorizontalScroll, focused, heading, setUpInstance, tabTo } from "./support/page-helpers";
import { type ApiRequest, apiSession, settled, signIn } from "./support/session";

// Self-match from both sides: a coordinator switches a programme to mentees requesting
// mentors; a mentee asks three mentors; one declines with a reason, another accepts;
// the third request is withdrawn for her, and she sees her pair. Each test continues
// the previous one.

const coordinator = { name: "Cleo Coordinator", email: "cleo@example.org", password: "plenty of words here" };
const noor = { name: "Noor Mentee", email: "noor@example.org", password: "asking good questions" };
const mo = { name: "Mo Mentor", email: "mo@example.org", password: "busy but kind mentor" };
const ria = { name: "Ria Mentor", email: "ria@example.org", password: "glad to help you grow" };
const sam = { name: "Sam Mentor", email: "sam@example.org", password: "always learning too" };

const csv = [
  "email,name,role,years_experience,skills,offers,seeks,timezone,languages,capacity,manager_email",
  `${mo.email},${mo.name},mentor,12,Go:5;Kubernetes:4,technical skills;career development,,Europe/Lisbon,English,2,`,
  `${ria.email},${ria.name},mentor,9,Go:4;PostgreSQL:5,technical skills,,Europe/London,English,1,`,
  `${sam.email},${sam.name},mentor,6,Go:3,career development,,Europe/Paris,English,1,`,
  `${noor.email},${noor.name},mentee,2,Go:2;Kubernetes:1,,technical skills;career development,Europe/London,English,,`,
].join("\n");

const declineReason = "My two places are meant for people moving into platform work this term; Ria knows Go and Postgres far better.";
const messageTo = (name: string) => `Hello ${name}, I am Noor. I want to get better at Go services and I like how you explain things.`;

let server: GroveServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let programmeId = "";

/** Sets the stage through the API as this person; a refusal there means the stage is broken, so it throws. */
async function stageAs(email: string, password: string) {
  const request = await apiSession(server.baseUrl, email, password);
  return async (...args: Parameters<ApiRequest>) => {
    const { status, json, text } = await request(...args);
    if (status >= 400) throw new Error(`${args[0]} ${args[1]}: ${status} ${text}`);
    return json;
  };
}

async function signedIn(person: { email: string; password: string }, viewport?: { width: number; height: number }): Promise<Page> {
  const context = await newContext(browser, server.baseUrl, viewport);
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, person.email, person.password);
  return page;
}

/** The section links of the programme, for coordinators and participants alike. */
const section = (p: Page, name: string) => p.getByRole("navigation", { name: /^Sections of/ }).getByRole("link", { name, exact: true });

/** Waits for the one message with this subject to this person (mail is sent after the response). */
const waitForSubject = (to: string, subject: string) => waitForMail(server.dataDir, { to, subject });

beforeAll(async () => {
  server = await startGroveServer();
  await setUpInstance(server.baseUrl, coordinator);
  const api = await stageAs(coordinator.email, coordinator.password);
  for (const person of [noor, mo, ria, sam]) await api("POST", "/api/users", person);
  const programme = await api("POST", "/api/programmes", { name: "Go Guild", description: "Twelve weeks of Go, one person at a time." });
  programmeId = programme.id;
  const report = await api("POST", `/api/programmes/${programmeId}/imports`, csv, "text/csv");
  expect(report.errors).toEqual([]);
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await server?.stop();
});

describe("a coordinator lets mentees choose their mentors", () => {
  test("switches the programme to self-match in its settings and moves it to matching", async () => {
    const page = await signedIn(coordinator);
    await page.goto(`/programmes/${programmeId}/settings`);
    await heading(page, "Settings").waitFor();
    const pairing = page.getByRole("region", { name: "Pairing" });
    await pairing.getByLabel("Mentees request mentors", { exact: true }).check();
    await pairing.getByLabel("Requests a person may have waiting at once", { exact: true }).fill("11");
    await pairing.getByRole("button", { name: "Save pairing settings" }).click();
    await pairing.getByRole("alert").filter({ hasText: "At most 10 requests at once" }).first().waitFor();
    await expectNoSeriousAxeViolations(page, "pairing settings with an error");
    await pairing.getByLabel("Requests a person may have waiting at once", { exact: true }).fill("3");
    await pairing.getByLabel("Days to answer a request", { exact: true }).fill("5");
    await pairing.getByRole("button", { name: "Save pairing settings" }).click();
    await pairing.getByText("Pairing settings saved.").waitFor();

    const stage = page.getByRole("region", { name: "Stage" });
    for (const move of ["Open applications", "Close applications and match"]) {
      await stage.getByRole("button", { name: move }).click();
      const dialog = page.getByRole("dialog", { name: `${move}?` });
      await dialog.getByRole("button", { name: move }).click();
      await dialog.waitFor({ state: "hidden" });
    }
    await stage.getByText("Matching", { exact: true }).first().waitFor();

    await section(page, "Requests").click();
    await heading(page, "Requests").waitFor();
    await settled(page);
    await page.getByText("No requests yet.").waitFor();
    await expectNoSeriousAxeViolations(page, "coordinator request summary, empty");
  });
});

describe("a mentee asks three mentors", () => {
  let page: Page;

  test("sees the mentors with a place, best fit first, with reasons written to her", async () => {
    page = await signedIn(noor);
    await page.goto(`/programmes/${programmeId}`);
    await section(page, "Find a mentor").click();
    await heading(page, "Find a mentor").waitFor();
    await settled(page);
    await page.getByText("3 mentors with a place, best fit first").waitFor();
    const cards = page.getByRole("article");
    expect(await cards.count()).toBe(3);
    // Mo offers both of Noor's skills, ahead of her, and both kinds of help she asked for.
    await cards.first().getByRole("heading", { name: mo.name }).waitFor();
    await cards
      .first()
      .getByText(/at the level you are aiming for/)
      .waitFor();
    expect(await page.getByText("@example.org").count()).toBe(0);
    await expectNoSeriousAxeViolations(page, "find a mentor");
  });

  test("writes why in the request dialog (too short first), for each of three mentors", async () => {
    await page.getByRole("button", { name: `Ask ${mo.name}` }).click();
    const dialog = page.getByRole("dialog", { name: `Ask ${mo.name} to be your mentor` });
    await dialog.getByLabel(`Why would you like ${mo.name} as your mentor?`).fill("Please!");
    await dialog.getByRole("button", { name: "Send request" }).click();
    await dialog.getByText("Write at least 20 characters: say why you would like this mentor").waitFor();
    await expectNoSeriousAxeViolations(page, "request dialog with an error");
    for (const mentor of [mo, ria, sam]) {
      if (mentor !== mo) await page.getByRole("button", { name: `Ask ${mentor.name}` }).click();
      const d = page.getByRole("dialog", { name: `Ask ${mentor.name} to be your mentor` });
      await d.getByLabel(`Why would you like ${mentor.name} as your mentor?`).fill(messageTo(mentor.name));
      await d.getByRole("button", { name: "Send request" }).click();
      await d.waitFor({ state: "hidden" });
      await page.getByText(`Request sent to ${mentor.name}. You'll get an email when they answer.`).waitFor();
    }
    await page.getByText("3 of 3 requests waiting for an answer.").waitFor();
    expect(await page.getByRole("button", { name: /^Ask / }).count()).toBe(0);
    const mail = await waitForMail(server.dataDir, { to: mo.email, subject: `${noor.name} would like you as their mentor` });
    expect(mail.text).toContain("I like how you explain things");
  });

  test("my requests: three waiting, each with its due date; withdrawing asks first", async () => {
    await section(page, "My requests").click();
    await heading(page, "My requests").waitFor();
    await settled(page);
    expect(await page.getByText("Waiting for an answer", { exact: true }).count()).toBe(3);
    await page
      .getByText(/answer due by/)
      .first()
      .waitFor();
    await page.getByRole("button", { name: `Withdraw request to ${sam.name}` }).click();
    const dialog = page.getByRole("dialog", { name: `Withdraw your request to ${sam.name}?` });
    await dialog.waitFor();
    await expectNoSeriousAxeViolations(page, "withdraw confirmation");
    // Not this time: the request stays open.
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect(await page.getByText("Waiting for an answer", { exact: true }).count()).toBe(3);
    await expectNoSeriousAxeViolations(page, "my requests");
  });
});

describe("the mentors answer", () => {
  test("Mo declines with a reason, which Noor is emailed", async () => {
    const page = await signedIn(mo);
    await page.goto(`/programmes/${programmeId}`);
    await section(page, "Requests").click();
    await heading(page, "Requests").waitFor();
    await settled(page);
    const card = page.getByRole("article").filter({ hasText: noor.name });
    await card.getByText("I like how you explain things").waitFor();
    await card.getByText(/^Fit \d+/).waitFor();
    await expectNoSeriousAxeViolations(page, "mentor inbox");

    await card.getByRole("button", { name: `Decline ${noor.name}` }).click();
    const dialog = page.getByRole("dialog", { name: `Decline ${noor.name}'s request?` });
    await dialog.getByRole("button", { name: "Decline request" }).click();
    await dialog.getByText("Give the mentee a reason; they read it").waitFor();
    await dialog.getByLabel(`Reason (${noor.name} reads this)`).fill(declineReason);
    await dialog.getByRole("button", { name: "Decline request" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByText(`You declined ${noor.name}'s request. They have your reason.`).waitFor();
    await card.getByText("Declined", { exact: true }).waitFor();

    const declined = await waitForSubject(noor.email, `${mo.name} can't take your request`);
    expect(declined.text.replace(/\s+/g, " ")).toContain("Ria knows Go and Postgres far better.");
  });

  test("Ria accepts (confirmed first): the pair starts and Sam is told Noor's request is closed", async () => {
    const page = await signedIn(ria, { width: 360, height: 800 });
    await page.goto(`/programmes/${programmeId}/requests`);
    await heading(page, "Requests").waitFor();
    await settled(page);
    await expectNoHorizontalScroll(page, "mentor inbox");
    // Keyboard only: Tab to Accept, Enter; the dialog opens on Cancel, Tab to confirm, Enter.
    await tabTo(page, `button:Accept ${noor.name}`, 60);
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: `Accept ${noor.name}?` });
    await dialog.waitFor();
    expect(await focused(page)).toBe("button:Cancel");
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe(`button:Accept ${noor.name}`);
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "hidden" });
    await page.getByText(`You and ${noor.name} are now a pair. We've emailed ${noor.name}.`).waitFor();
    await page.getByText("0 places left").waitFor();
    await expectNoSeriousAxeViolations(page, "mentor inbox after accepting");
    await waitForMail(server.dataDir, { to: sam.email, subject: `${noor.name}'s request is no longer open` });
  });
});

describe("the mentee sees the outcome", () => {
  test("her pair with Ria, Mo's reason, and the request to Sam withdrawn for her", async () => {
    const page = await signedIn(noor);
    await page.goto(`/programmes/${programmeId}/my-requests`);
    await heading(page, "My requests").waitFor();
    await settled(page);
    await page.getByRole("heading", { name: `You are paired with ${ria.name}` }).waitFor();
    const workspace = page.getByRole("link", { name: "Open your pair's workspace" });
    expect(await workspace.getAttribute("href")).toMatch(/^\/pairs\/[0-9a-f-]{36}$/);
    const toMo = page.getByRole("article").filter({ has: page.getByRole("heading", { name: mo.name }) });
    await toMo.getByText("Declined", { exact: true }).waitFor();
    await toMo.getByText(declineReason).waitFor();
    const toSam = page.getByRole("article").filter({ has: page.getByRole("heading", { name: sam.name }) });
    await toSam.getByText("Withdrawn", { exact: true }).waitFor();
    await toSam.getByText("The mentee was matched with another mentor.").waitFor();
    const toRia = page.getByRole("article").filter({ has: page.getByRole("heading", { name: ria.name }) });
    await toRia.getByText("Accepted", { exact: true }).waitFor();
    expect(await page.getByRole("button", { name: /^Withdraw/ }).count()).toBe(0);
    await expectNoSeriousAxeViolations(page, "my requests with a pair");

    const accepted = await waitForSubject(noor.email, `${ria.name} accepted your request`);
    expect(accepted.text).toMatch(/other request was withdrawn/);

    await section(page, "Find a mentor").click();
    await page.getByRole("heading", { name: "You already have a pair" }).waitFor();
    await expectNoHorizontalScroll(page, "find a mentor", 1280);
  });

  test("the coordinator sees counts, never what anyone wrote", async () => {
    const page = await signedIn(coordinator);
    await page.goto(`/programmes/${programmeId}/match-requests`);
    await heading(page, "Requests").waitFor();
    await settled(page);
    const counts = page.getByRole("region", { name: "Requests so far" });
    for (const [label, n] of [
      ["Accepted", "1"],
      ["Declined", "1"],
      ["Withdrawn", "1"],
      ["Waiting for an answer", "0"],
    ]) {
      await counts.getByText(label, { exact: true }).waitFor();
      expect(await counts.locator("div").filter({ hasText: label }).locator("dd").textContent()).toBe(n);
    }
    const body = (await page.textContent("main")) ?? "";
    expect(body).not.toContain("I like how you explain things");
    expect(body).not.toContain("platform work");
    await expectNoSeriousAxeViolations(page, "coordinator request summary");
  });
});
