import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectNoSeriousAxeViolations, launchBrowser, newContext } from "./support/browser";
import { type GroveServer, startGroveServer } from "./support/grove-server";
import { expectFocusedElementText, expectNoHorizontalScroll, focused, heading, tabTo } from "./support/page-helpers";
import { settled } from "./support/session";

const admin = { name: "Kim Keyboard", email: "kim@example.org", password: "typing all the way" };

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

describe("on a 360 px wide phone", () => {
  test("every main screen fits the width and passes axe", async () => {
    const context = await newContext(browser, server.baseUrl, { width: 360, height: 740 });
    const page = await context.newPage();
    try {
      await page.goto("/");
      await heading(page, "Set up Grove").waitFor();
      await expectNoHorizontalScroll(page, "setup");
      await page.getByLabel("Your name", { exact: true }).fill(admin.name);
      await page.getByLabel("Email", { exact: true }).fill(admin.email);
      await page.getByLabel("Password", { exact: true }).fill(admin.password);
      await page.getByRole("button", { name: "Create admin account" }).click();

      await heading(page, "Programmes").waitFor();
      await expectNoHorizontalScroll(page, "empty programme list");

      await page.getByRole("link", { name: "New programme" }).click();
      await heading(page, "New programme").waitFor();
      await expectNoHorizontalScroll(page, "new programme");
      await page.getByRole("button", { name: "Create programme" }).click();
      await page.getByRole("alert").filter({ hasText: "Names need at least 3 characters" }).waitFor();
      await expectNoHorizontalScroll(page, "new programme with errors");
      await page.getByLabel("Name", { exact: true }).fill("A rather long programme name for frontend developers in Europe");
      await page.getByRole("button", { name: "Create programme" }).click();
      await heading(page, "A rather long programme name for frontend developers in Europe").waitFor();
      await expectNoHorizontalScroll(page, "programme detail");
      await expectNoSeriousAxeViolations(page, "programme detail at 360 px");

      await page.getByRole("button", { name: "Archive programme" }).click();
      await page.getByRole("dialog").waitFor();
      await expectNoHorizontalScroll(page, "archive dialog");
      await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();

      await page.getByRole("link", { name: "Edit programme" }).click();
      await heading(page, "Edit programme").waitFor();
      await expectNoHorizontalScroll(page, "edit programme");
      await expectNoSeriousAxeViolations(page, "edit programme at 360 px");

      for (const [path, title] of [
        ["/programmes", "Programmes"],
        ["/users", "Users"],
        ["/account", "Account"],
      ] as const) {
        await page.goto(path);
        await heading(page, title).waitFor();
        // The account page loads several sections at once: wait for every one of them.
        await settled(page);
        await expectNoHorizontalScroll(page, path);
        await expectNoSeriousAxeViolations(page, `${path} at 360 px`);
      }

      await page.getByLabel("Token name", { exact: true }).fill("phone");
      await page.getByRole("button", { name: "Create token" }).click();
      await page.getByRole("region", { name: "Your new token “phone”" }).waitFor();
      await expectNoHorizontalScroll(page, "account with a new token");

      await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
      await heading(page, "Sign in to Grove").waitFor();
      await expectNoHorizontalScroll(page, "sign in");
      await page.goto("/forgot-password");
      await heading(page, "Reset your password").waitFor();
      await expectNoHorizontalScroll(page, "forgot password");
      await page.goto("/reset-password?token=abcdefghijklmnopqrstuvwxyz");
      await heading(page, "Choose a new password").waitFor();
      await expectNoHorizontalScroll(page, "reset password");
    } finally {
      await context.close();
    }
  });
});

describe("with only a keyboard", () => {
  test("sign in, create a programme, and use the archive dialog", async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    try {
      await page.goto("/sign-in");
      await heading(page, "Sign in to Grove").waitFor();

      await tabTo(page, "input:Email");
      await page.keyboard.type(admin.email);
      await tabTo(page, "input:Password");
      await page.keyboard.type(admin.password);
      await page.keyboard.press("Enter");
      await heading(page, "Programmes").waitFor();

      // Signing in lands on the programmes page with focus on its heading.
      await expectFocusedElementText(page, "Programmes");

      // On a freshly loaded page, the first Tab offers to skip the navigation.
      await page.reload();
      await heading(page, "Programmes").waitFor();
      await page.keyboard.press("Tab");
      expect(await focused(page)).toBe("a:Skip to main content");
      await page.keyboard.press("Enter");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");

      await tabTo(page, "a:New programme");
      await page.keyboard.press("Enter");
      await heading(page, "New programme").waitFor();
      // Focus moved to the new page's heading, so reading starts at the top of the content.
      await expectFocusedElementText(page, "New programme");

      await tabTo(page, "input:Name");
      await page.keyboard.type("Keyboard Club");
      // Tab enters the radio group at the chosen type; arrow keys change the choice.
      await tabTo(page, "input:Mentoring");
      await page.keyboard.press("ArrowDown");
      expect(await focused(page)).toBe("input:Coaching");
      // The default term (next Monday, 12 weeks) stays as it is.
      await tabTo(page, "button:Create programme");
      await page.keyboard.press("Enter");
      await heading(page, "Keyboard Club").waitFor();
      await expectFocusedElementText(page, "Keyboard Club");
      expect(await page.getByRole("region", { name: "About this programme" }).textContent()).toContain("Coaching");

      // The archive dialog keeps focus inside, closes on Escape, and returns focus.
      await tabTo(page, "button:Archive programme");
      await page.keyboard.press("Enter");
      const dialog = page.getByRole("dialog", { name: "Archive “Keyboard Club”?" });
      await dialog.waitFor();
      expect(await focused(page)).toBe("button:Cancel");
      for (let i = 0; i < 4; i++) {
        await page.keyboard.press("Tab");
        expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
      }
      await page.keyboard.press("Shift+Tab");
      expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "hidden" });
      expect(await focused(page)).toBe("button:Archive programme");

      // And with Enter on "Archive", then Undo, all from the keyboard.
      await page.keyboard.press("Enter");
      await dialog.waitFor();
      await page.keyboard.press("Tab");
      expect(await focused(page)).toBe("button:Archive");
      await page.keyboard.press("Enter");
      await page.getByText("“Keyboard Club” has been archived.").waitFor();
      await tabTo(page, "button:Undo archiving Keyboard Club");
      await page.keyboard.press("Enter");
      await page.getByText("“Keyboard Club” has been restored.").waitFor();
    } finally {
      await context.close();
    }
  });
});
