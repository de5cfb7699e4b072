import type { Page } from "playwright-core";
import { heading } from "./page-helpers";

/**
 * A signed-in API session, for setting the stage quickly and for the requests a screen never
 * sends; the stories themselves run in the browser. Bodies that are strings (a CSV import, say)
 * are sent as they are, with the given content type; anything else is sent as JSON. The reply's
 * `json` is its parsed body when the server answered with JSON; `text` is the raw body.
 */
export async function apiSession(baseUrl: string, email: string, password: string) {
  const res = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return async (method: string, path: string, body?: unknown, contentType = "application/json") => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { cookie, "X-CSRF-Token": csrfToken, ...(body === undefined ? {} : { "Content-Type": contentType }) },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await response.text();
    const isJson = response.headers.get("content-type")?.includes("json") ?? false;
    return { status: response.status, json: text && isJson ? JSON.parse(text) : undefined, text };
  };
}

/** What `apiSession` resolves to: one signed-in person's request function. */
export type ApiRequest = Awaited<ReturnType<typeof apiSession>>;

/** Signs in through the sign-in page and waits for the page it lands on. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await heading(page, "Programmes").waitFor();
}

/**
 * Waits until no loading message is left on the page. Loading messages are announced statuses
 * that start with one of these words ("Loading the round…", "Comparing the rounds…",
 * "Checking whether you are signed in…", "Opening your invitation…"); other statuses (counts,
 * flash messages) stay on the page and must not be waited for.
 */
export async function settled(page: Page): Promise<void> {
  await page
    .getByRole("status")
    .filter({ hasText: /^(Loading|Comparing|Checking|Opening)/ })
    .first()
    .waitFor({ state: "detached" });
}
