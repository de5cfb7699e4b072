import type { Page } from "playwright-core";
import { expect } from "vitest";

/** The page's main heading with this exact text. */
export function heading(page: Page, name: string) {
  return page.getByRole("heading", { level: 1, name, exact: true });
}

/** Focus is where a keyboard or screen reader user expects it, e.g. on the new page's heading. */
export async function expectFocusedElementText(page: Page, text: string): Promise<void> {
  await page
    .waitForFunction((expected) => document.activeElement?.textContent?.includes(expected) ?? false, text, {
      timeout: 5_000,
    })
    .catch(() => undefined);
  const focused = await page.evaluate(() => document.activeElement?.textContent ?? "");
  expect(focused).toContain(text);
}

/** Creates the first admin through the API, for tests that are about something else. */
export async function setUpInstance(baseUrl: string, admin: { name: string; email: string; password: string }) {
  const response = await fetch(`${baseUrl}/api/setup`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(admin),
  });
  if (response.status !== 201) throw new Error(`setup failed: ${response.status} ${await response.text()}`);
}
