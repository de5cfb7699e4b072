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

/** Describes the focused element the way a person would: its tag and its label (or text). */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return "";
    const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
    return `${el.tagName.toLowerCase()}:${(label ?? el.textContent ?? "").trim()}`;
  });
}

/** Presses Tab until focus reaches the described control; fails if it never does. */
export async function tabTo(page: Page, target: string, maxPresses = 25): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press("Tab");
    if ((await focused(page)) === target) return;
  }
  throw new Error(`Tab never reached ${target}; focus ended on ${await focused(page)}`);
}

/** Fails when the page scrolls sideways, i.e. something is wider than the (narrow) screen. */
export async function expectNoHorizontalScroll(page: Page, where: string, width = 360): Promise<void> {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `${where} is wider than the ${width} px screen`).toBeLessThanOrEqual(width);
}
