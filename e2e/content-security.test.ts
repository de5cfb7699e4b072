import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, newContext } from "./support/browser";
import { type GroveServer, startGroveServer } from "./support/grove-server";
import { heading } from "./support/page-helpers";
import { settled } from "./support/session";

// The server sends a Content-Security-Policy without 'unsafe-inline' (script-src and
// style-src 'self'). This walks the web app and the API docs in a real browser and fails
// on any violation the browser reports, so an inline script or style slipping into the
// build is caught here rather than by a user looking at a blank page.

const admin = { name: "Cass Policy", email: "cass@example.org", password: "strict pages only" };

let server: GroveServer;
let browser: Browser;

beforeAll(async () => {
  server = await startGroveServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

type Violation = { directive: string; blocked: string; source: string };

/** Records every CSP violation the page reports, from the first script on. */
async function watchViolations(page: Page) {
  const consoleErrors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) consoleErrors.push(m.text());
  });
  await page.addInitScript(() => {
    const seen: unknown[] = [];
    (window as unknown as { __csp: unknown[] }).__csp = seen;
    document.addEventListener("securitypolicyviolation", (e) =>
      seen.push({ directive: e.violatedDirective, blocked: e.blockedURI, source: `${e.sourceFile}:${e.lineNumber}` }),
    );
  });
  return async (where: string) => {
    const violations = (await page.evaluate(() => (window as unknown as { __csp: Violation[] }).__csp)) ?? [];
    expect({ where, violations, consoleErrors }).toEqual({ where, violations: [], consoleErrors: [] });
  };
}

describe("the content security policy", () => {
  test("the web app loads and works with no violation", async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    const check = await watchViolations(page);
    try {
      const response = await page.goto("/");
      expect(response?.headers()["content-security-policy"]).toMatch(/script-src 'self'/);
      await heading(page, "Set up Grove").waitFor();
      await check("setup");
      await page.getByLabel("Your name", { exact: true }).fill(admin.name);
      await page.getByLabel("Email", { exact: true }).fill(admin.email);
      await page.getByLabel("Password", { exact: true }).fill(admin.password);
      await page.getByLabel("Also load a sample mentoring programme", { exact: true }).check();
      await page.getByRole("button", { name: "Create admin account" }).click();
      await heading(page, "Programmes").waitFor({ timeout: 60_000 });
      await settled(page);
      await check("programmes");

      await page.getByRole("main").getByRole("link").first().click();
      await settled(page);
      await check("a programme");
      const sections = page.getByRole("navigation", { name: /^Sections of/ }).getByRole("link");
      for (let i = 0; i < (await sections.count()); i++) {
        await sections.nth(i).click();
        await settled(page);
        await check(`programme section ${i + 1}: ${page.url()}`);
      }

      await page.goto("/account");
      await settled(page);
      await check("account");
    } finally {
      await context.close();
    }
  });

  test("the API docs load with no violation", async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    const check = await watchViolations(page);
    try {
      await page.goto("/api/docs/");
      await page.getByText("Grove API").first().waitFor();
      await page.locator(".opblock").first().waitFor();
      await check("API docs");
    } finally {
      await context.close();
    }
  });
});
