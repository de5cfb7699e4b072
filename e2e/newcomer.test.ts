import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectNoSeriousAxeViolations, launchBrowser, newContext } from "./support/browser";
import { type GroveServer, startGroveServer } from "./support/grove-server";
import { expectFocusedElementText, heading } from "./support/page-helpers";

// One journey through a brand-new instance, step by step, on one server and one
// browser tab: each test continues where the previous one left off.

const admin = { name: "Ada Admin", email: "ada@example.org", password: "correct horse battery" };
const DAY_MS = 86_400_000;

let server: GroveServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let programmeUrl = "";

beforeAll(async () => {
  server = await startGroveServer();
  browser = await launchBrowser();
  context = await newContext(browser, server.baseUrl);
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe("a newcomer's first session", () => {
  test("first run sends everyone to setup, which creates the admin and opens the app", async () => {
    await page.goto("/programmes");
    await page.waitForURL("**/setup");
    await heading(page, "Set up Grove").waitFor();
    await expectNoSeriousAxeViolations(page, "setup");

    // Submitting empty shows the contract's messages, tied to the fields.
    await page.getByRole("button", { name: "Create admin account" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Please check the form" });
    await summary.waitFor();
    expect(await summary.textContent()).toContain("Passwords need at least 10 characters");
    const password = page.getByLabel("Password", { exact: true });
    expect(await password.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await password.getAttribute("aria-describedby")) ?? "";
    expect(await page.locator(`[id="${describedBy.split(" ").pop()}"]`).textContent()).toContain("Passwords need at least 10 characters");
    expect(await page.evaluate(() => document.activeElement?.classList.contains("error-summary"))).toBe(true);
    await expectNoSeriousAxeViolations(page, "setup with errors");

    await page.getByLabel("Your name", { exact: true }).fill(admin.name);
    await page.getByLabel("Email", { exact: true }).fill(admin.email);
    await password.fill(admin.password);
    await page.getByRole("button", { name: "Create admin account" }).click();

    await page.waitForURL("**/programmes");
    await heading(page, "Programmes").waitFor();
    const nav = page.getByRole("navigation", { name: "Main" });
    expect(await nav.getByRole("link").allTextContents()).toEqual(["Programmes", "Users", "Account"]);
    await page.getByText(`Welcome, ${admin.name}`).waitFor();
    await page.getByRole("heading", { name: "No programmes yet" }).waitFor();
    await expectNoSeriousAxeViolations(page, "empty programme list");
  });

  test("a new programme is prefilled with a 12-week term starting next Monday", async () => {
    await page.getByRole("link", { name: "New programme" }).click();
    await heading(page, "New programme").waitFor();
    await expectFocusedElementText(page, "New programme");
    await expectNoSeriousAxeViolations(page, "new programme");

    const start = await page.getByLabel("Starts on", { exact: true }).inputValue();
    const end = await page.getByLabel("Ends on", { exact: true }).inputValue();
    const startDate = new Date(`${start}T00:00:00Z`);
    const endDate = new Date(`${end}T00:00:00Z`);
    expect(startDate.getUTCDay()).toBe(1); // a Monday
    expect(startDate.getTime()).toBeGreaterThan(Date.now() - DAY_MS);
    // The end date is the term's last day: 12 weeks = 84 days including both ends.
    expect((endDate.getTime() - startDate.getTime()) / DAY_MS + 1).toBe(84);
    await page.getByText("Term length: 12 weeks").waitFor();
    expect(await page.getByLabel("Mentoring", { exact: true }).isChecked()).toBe(true);

    // A too-short name is refused with the server's own wording.
    await page.getByLabel("Name", { exact: true }).fill("Hi");
    await page.getByRole("button", { name: "Create programme" }).click();
    await page.getByRole("alert").filter({ hasText: "Names need at least 3 characters" }).waitFor();
    await expectNoSeriousAxeViolations(page, "new programme with errors");

    await page.getByLabel("Name", { exact: true }).fill("Backend Guild Spring");
    await page.getByLabel("Description (optional)", { exact: true }).fill("Pairs senior and junior backend developers for a term.");
    await page.getByRole("button", { name: "Create programme" }).click();

    await heading(page, "Backend Guild Spring").waitFor();
    programmeUrl = new URL(page.url()).pathname;
    expect(programmeUrl).toMatch(/^\/programmes\/[0-9a-f-]{36}$/);
    await page.getByText("“Backend Guild Spring” has been created").waitFor();
    const about = page.getByRole("region", { name: "About this programme" });
    expect(await about.textContent()).toContain("Mentoring");
    expect(await about.textContent()).toContain("Coordinator");
    expect(await about.textContent()).toContain("12 weeks");
    const members = page.getByRole("region", { name: "Coordinators" });
    await members.getByText(admin.email).waitFor();
    await expectNoSeriousAxeViolations(page, "programme detail");
  });

  test("the programme is listed and can be found by searching", async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Programmes" }).click();
    await heading(page, "Programmes").waitFor();
    await page.getByRole("link", { name: "Backend Guild Spring" }).waitFor();
    await page.getByText("1 active programme").waitFor();

    await page.getByLabel("Search programmes", { exact: true }).fill("nothing like this");
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByText("No programmes match “nothing like this”").waitFor();
    await expectNoSeriousAxeViolations(page, "programme list, no matches");

    await page.getByLabel("Search programmes", { exact: true }).fill("guild");
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByText("1 active programme matching “guild”").waitFor();
    await page.getByRole("link", { name: "Backend Guild Spring" }).click();
    await heading(page, "Backend Guild Spring").waitFor();
    await expectFocusedElementText(page, "Backend Guild Spring");
  });

  test("a coordinator edits the programme", async () => {
    await page.getByRole("link", { name: "Edit programme" }).click();
    await heading(page, "Edit programme").waitFor();
    expect(await page.getByLabel("Name", { exact: true }).inputValue()).toBe("Backend Guild Spring");
    await expectNoSeriousAxeViolations(page, "edit programme");

    // The end date may not come before the start.
    const start = await page.getByLabel("Starts on", { exact: true }).inputValue();
    const dayBefore = new Date(new Date(`${start}T00:00:00Z`).getTime() - DAY_MS).toISOString().slice(0, 10);
    await page.getByLabel("Ends on", { exact: true }).fill(dayBefore);
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("alert").filter({ hasText: "The term must end on or after the day it starts." }).waitFor();
    const originalEnd = new Date(new Date(`${start}T00:00:00Z`).getTime() + 83 * DAY_MS).toISOString().slice(0, 10);
    await page.getByLabel("Ends on", { exact: true }).fill(originalEnd);

    await page.getByLabel("Name", { exact: true }).fill("Backend Guild Summer");
    await page.getByLabel("Coaching", { exact: true }).check();
    await page.getByRole("button", { name: "Save changes" }).click();

    await heading(page, "Backend Guild Summer").waitFor();
    await page.getByText("Your changes have been saved.").waitFor();
    const about = page.getByRole("region", { name: "About this programme" });
    expect(await about.textContent()).toContain("Coaching");

    // A new programme is a draft; its coordinator opens it for applications.
    expect(await about.textContent()).toContain("Draft");
    await page.getByRole("button", { name: "Open applications" }).click();
    const statusDialog = page.getByRole("dialog", { name: "Open applications?" });
    await statusDialog.getByRole("button", { name: "Open applications" }).click();
    await statusDialog.waitFor({ state: "hidden" });
    // Focus lands on the new status, since the pressed button has gone.
    await expectFocusedElementText(page, "Taking applications");
    await about.getByRole("button", { name: "Close applications and match" }).waitFor();
  });

  test("an edit that crosses someone else's is caught and can start again from theirs", async () => {
    await page.getByRole("link", { name: "Edit programme" }).click();
    await heading(page, "Edit programme").waitFor();

    // Meanwhile, a co-coordinator saves a change (same API, same account, another tab).
    const programmeId = programmeUrl.split("/").pop();
    const status = await page.evaluate(async (id) => {
      const session = await (await fetch("/api/auth/session")).json();
      const current = await (await fetch(`/api/programmes/${id}`)).json();
      const response = await fetch(`/api/programmes/${id}`, {
        method: "PATCH",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": session.csrfToken },
        body: JSON.stringify({ version: current.version, description: "Changed in another tab." }),
      });
      return response.status;
    }, programmeId);
    expect(status).toBe(200);

    await page.getByLabel("Description (optional)", { exact: true }).fill("My own wording.");
    await page.getByRole("button", { name: "Save changes" }).click();
    const conflict = page.getByRole("alert").filter({ hasText: "Someone else changed this programme" });
    await conflict.waitFor();
    await expectFocusedElementText(page, "Someone else changed this programme");
    await expectNoSeriousAxeViolations(page, "edit conflict");

    await conflict.getByRole("button", { name: "Load the latest version" }).click();
    await conflict.waitFor({ state: "detached" });
    expect(await page.getByLabel("Description (optional)", { exact: true }).inputValue()).toBe("Changed in another tab.");
    await page.getByRole("link", { name: "Cancel" }).click();
    await heading(page, "Backend Guild Summer").waitFor();
  });

  test("archiving asks first, can be undone, and archived programmes have their own filter", async () => {
    const archiveButton = page.getByRole("button", { name: "Archive programme" });
    await archiveButton.click();
    const dialog = page.getByRole("dialog", { name: "Archive “Backend Guild Summer”?" });
    await dialog.waitFor();
    await expectNoSeriousAxeViolations(page, "archive dialog");

    // Escape cancels and puts focus back on the button that opened the dialog.
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    expect(await archiveButton.evaluate((el) => el === document.activeElement)).toBe(true);

    await archiveButton.click();
    await dialog.getByRole("button", { name: "Archive" }).click();
    await page.getByText("“Backend Guild Summer” has been archived.").waitFor();
    await expectFocusedElementText(page, "has been archived");
    await expectNoSeriousAxeViolations(page, "archived programme");

    await page.getByRole("button", { name: /^Undo/ }).click();
    await page.getByText("“Backend Guild Summer” has been restored.").waitFor();
    await archiveButton.waitFor();

    await archiveButton.click();
    await dialog.getByRole("button", { name: "Archive" }).click();
    await page.getByText("“Backend Guild Summer” has been archived.").waitFor();

    await page.getByRole("link", { name: "All programmes" }).click();
    await heading(page, "Programmes").waitFor();
    await page.getByRole("link", { name: "Backend Guild Summer" }).waitFor({ state: "detached" });
    await page.getByText("0 active programmes").waitFor();

    await page.getByRole("navigation", { name: "Filter by status" }).getByRole("link", { name: "Archived" }).click();
    await page.getByText("1 archived programme").waitFor();
    await page.getByRole("link", { name: "Backend Guild Summer" }).waitFor();
    await expectNoSeriousAxeViolations(page, "archived filter");
  });

  test("an API token is shown once, with a copy button, and works", async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Account" }).click();
    await heading(page, "Account").waitFor();
    await expectNoSeriousAxeViolations(page, "account");

    await page.getByLabel("Token name", { exact: true }).fill("nightly report");
    await page.getByRole("button", { name: "Create token" }).click();
    const panel = page.getByRole("region", { name: "Your new token “nightly report”" });
    await panel.waitFor();
    expect(await panel.textContent()).toContain("it won't be shown again");
    await panel.getByRole("button", { name: "Copy token" }).waitFor();
    const secret = await panel.getByLabel("Token", { exact: true }).inputValue();
    expect(secret.length).toBeGreaterThan(20);
    await expectNoSeriousAxeViolations(page, "account with new token");

    // The secret really is a working credential.
    const response = await fetch(`${server.baseUrl}/api/programmes?status=all`, {
      headers: { Authorization: `Bearer ${secret}` },
    });
    expect(response.status).toBe(200);

    await panel.getByRole("button", { name: "I've stored it safely" }).click();
    await panel.waitFor({ state: "detached" });
    await page.reload();
    await heading(page, "Account").waitFor();
    await page.getByRole("button", { name: "Revoke nightly report" }).waitFor();
    expect(await page.content()).not.toContain(secret);
  });

  test("signing out and in again; a wrong password says so", async () => {
    await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL("**/sign-in");
    await heading(page, "Sign in to Grove").waitFor();
    await page.getByText("You have signed out.").waitFor();
    await expectNoSeriousAxeViolations(page, "sign in");

    // Signed out means signed out: the app sends us back to sign in.
    await page.goto("/programmes");
    await page.waitForURL(/\/sign-in\?redirect=/);

    await page.getByLabel("Email", { exact: true }).fill(admin.email);
    await page.getByLabel("Password", { exact: true }).fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    const failure = page.getByRole("alert").filter({ hasText: "Sign-in failed" });
    await failure.waitFor();
    expect(await failure.textContent()).toContain("That email and password do not match an account.");
    expect(await page.evaluate(() => document.activeElement?.classList.contains("error-summary"))).toBe(true);
    await expectNoSeriousAxeViolations(page, "sign in failed");

    await page.getByLabel("Password", { exact: true }).fill(admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    // Back where we were going before signing in.
    await page.waitForURL("**/programmes");
    await heading(page, "Programmes").waitFor();
  });

  test("the admin adds a person on the Users page", async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
    await heading(page, "Users").waitFor();
    await page.getByText("1 account").waitFor();
    await expectNoSeriousAxeViolations(page, "users");

    await page.getByLabel("Name", { exact: true }).fill("Max Mentor");
    await page.getByLabel("Email", { exact: true }).fill("not-an-email");
    await page.getByLabel("Temporary password", { exact: true }).fill("long enough password");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("alert").filter({ hasText: "Enter a valid email address" }).waitFor();

    await page.getByLabel("Email", { exact: true }).fill("max@example.org");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByText("Account created for Max Mentor").waitFor();
    await page.getByText("2 accounts").waitFor();
    await page.getByRole("list").getByText("max@example.org").waitFor();
  });
});
