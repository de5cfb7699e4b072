import AxeBuilder from "@axe-core/playwright";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

/** The system Chromium from the Debian package; tests never download a browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    // GROVE_CHROMIUM is the same override scripts/test.js honours.
    executablePath: process.env.GROVE_CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export async function newContext(
  browser: Browser,
  baseURL: string,
  viewport: { width: number; height: number } = { width: 1280, height: 900 },
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, viewport, locale: "en-GB", timezoneId: "UTC" });
  context.setDefaultTimeout(15_000);
  return context;
}

/**
 * Runs axe on the page as it is now and fails listing every serious or critical
 * violation (rule, impact, the offending elements), so a report says what to fix.
 */
export async function expectNoSeriousAxeViolations(page: Page, where = page.url()): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  if (serious.length === 0) return;
  const report = serious
    .map((v) => {
      const targets = v.nodes.map((node) => `    ${node.target.join(" ")}: ${node.failureSummary?.split("\n").join(" ")}`);
      return `  [${v.impact}] ${v.id}: ${v.help}\n${targets.join("\n")}`;
    })
    .join("\n");
  throw new Error(`axe found ${serious.length} serious/critical violation(s) on ${where}:\n${report}`);
}

/** True when the page scrolls sideways, i.e. something is wider than the viewport. */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
}
