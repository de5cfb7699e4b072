import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectNoSeriousAxeViolations, launchBrowser, newContext } from "./support/browser";
import { type GroveServer, startGroveServer } from "./support/grove-server";
import { readMailbox, waitForMail } from "./support/mailbox";
import { heading, setUpInstance } from "./support/page-helpers";

const admin = { name: "Rae Reset", email: "rae@example.org", password: "the first password" };
const newPassword = "a brand new passphrase";

let server: GroveServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startGroveServer();
  await setUpInstance(server.baseUrl, admin);
  browser = await launchBrowser();
  context = await newContext(browser, server.baseUrl);
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

async function signIn(email: string, password: string) {
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

describe("forgotten password", () => {
  test("asking for a reset says the same thing whether or not the account exists", async () => {
    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await heading(page, "Reset your password").waitFor();
    await expectNoSeriousAxeViolations(page, "forgot password");

    await page.getByLabel("Email", { exact: true }).fill("nobody@example.org");
    await page.getByRole("button", { name: "Send reset link" }).click();
    await page.getByRole("heading", { name: "Check your email" }).waitFor();
    expect(await page.getByRole("status").filter({ hasText: "Check your email" }).textContent()).toContain("nobody@example.org");
    await expectNoSeriousAxeViolations(page, "forgot password sent");
    expect(await readMailbox(server.dataDir)).toEqual([]);
  });

  test("the emailed link lets the person choose a new password, once", async () => {
    await page.getByRole("button", { name: "try another address" }).click();
    await page.getByLabel("Email", { exact: true }).fill(admin.email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await page.getByRole("heading", { name: "Check your email" }).waitFor();

    const mail = await waitForMail(server.dataDir, { to: admin.email, subject: "Reset your Grove password" });
    const link = mail.text.match(/https?:\/\/\S+\/reset-password\?token=[^\s"<>]+/)?.[0];
    expect(link, `no reset link in:\n${mail.text}`).toBeDefined();
    expect(link?.startsWith(`${server.baseUrl}/reset-password?token=`)).toBe(true);

    await page.goto(link as string);
    await heading(page, "Choose a new password").waitFor();
    await expectNoSeriousAxeViolations(page, "reset password");

    // Both boxes must agree before anything is sent.
    await page.getByLabel("New password", { exact: true }).fill(newPassword);
    await page.getByLabel("Repeat new password", { exact: true }).fill("something else entirely");
    await page.getByRole("button", { name: "Save new password" }).click();
    await page.getByRole("alert").filter({ hasText: "The two passwords don't match" }).waitFor();

    await page.getByLabel("Repeat new password", { exact: true }).fill(newPassword);
    await page.getByRole("button", { name: "Save new password" }).click();
    await page.waitForURL("**/sign-in");
    await page.getByText("Your password has been changed.").waitFor();

    // The old password no longer works; the new one does.
    await signIn(admin.email, admin.password);
    await page.getByRole("alert").filter({ hasText: "That email and password do not match an account." }).waitFor();
    await signIn(admin.email, newPassword);
    await heading(page, "Programmes").waitFor();

    // The link was single-use.
    await page.goto(link as string);
    await heading(page, "Choose a new password").waitFor();
    await page.getByLabel("New password", { exact: true }).fill("yet another passphrase");
    await page.getByLabel("Repeat new password", { exact: true }).fill("yet another passphrase");
    await page.getByRole("button", { name: "Save new password" }).click();
    await page.getByRole("link", { name: "Ask for a new link" }).waitFor();
    await expectNoSeriousAxeViolations(page, "reset password with a used link");
  });

  test("a reset link without its token explains what to do", async () => {
    await page.goto("/reset-password");
    await heading(page, "This reset link is incomplete").waitFor();
    await page.getByRole("link", { name: "ask for a new link" }).waitFor();
  });
});
