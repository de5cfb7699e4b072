import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectNoSeriousAxeViolations, launchBrowser, newContext } from "./support/browser";
import { type GroveServer, startGroveServer } from "./support/grove-server";
import { waitForMail } from "./support/mailbox";
import { expectFocusedElementText, expectNoHorizontalScroll, focused, heading, setUpInstance, tabTo } from "./support/page-helpers";
import { apiSession, settled, signIn } from "./support/session";

// A matching round from the coordinator's screens to the participants' answers, on one
// server: run, inspect a pair side by side, lock one pair and exclude another, run again,
// compare the drafts, publish with two-sided acceptance; a mentee and her mentor accept,
// another mentee declines with a reason; the coordinator reads it and resolves the open
// places. Each test continues the previous one.

const coordinator = { name: "Cleo Coordinator", email: "cleo@example.org", password: "plenty of words here" };
const password = "a long enough password";

// Three mentors with five places; five mentees. Noor's manager is Mo (never paired); Ana
// speaks only Portuguese (only Ria does); Kai speaks only Japanese (nobody does), so Kai
// stays unmatched and four mentees are matched.
const people = [
  "mo@example.org,Mo Mentor,mentor,14,Go:5;Kubernetes:4;PostgreSQL:4,technical skills;career development,,Europe/Lisbon,English,2,",
  "ria@example.org,Ria Mentor,mentor,9,React:5;TypeScript:5,technical skills,,America/Sao_Paulo,English;Portuguese,1,",
  "sam@example.org,Sam Mentor,mentor,7,Python:5;PostgreSQL:3;Go:3,career development;personal development,,Europe/Berlin,English;German,2,",
  "noor@example.org,Noor Mentee,mentee,2,Go:3;Kubernetes:2,,technical skills,Europe/London,English,,mo@example.org",
  "ben@example.org,Ben Mentee,mentee,1,Go:2;PostgreSQL:2,,technical skills;career development,Europe/Madrid,English,,",
  "ana@example.org,Ana Mentee,mentee,1,React:2;TypeScript:2,,technical skills,America/Sao_Paulo,Portuguese,,",
  "kai@example.org,Kai Mentee,mentee,3,Go:3,,technical skills,Asia/Tokyo,Japanese,,",
  "lea@example.org,Lea Mentee,mentee,2,Python:2,,career development,Europe/Berlin,German;English,,",
];
const csv = ["email,name,role,years_experience,skills,offers,seeks,timezone,languages,capacity,manager_email", ...people].join("\n");

let server: GroveServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let programmeId = "";
let firstRoundPath = "";
let secondRoundPath = "";
/** Ben's mentor in the first draft: excluded for the second run. */
let bensFirstMentor = "";

beforeAll(async () => {
  server = await startGroveServer();
  await setUpInstance(server.baseUrl, coordinator);
  const admin = await apiSession(server.baseUrl, coordinator.email, coordinator.password);
  // Accounts first, so the import links to them and everyone can sign in.
  for (const row of people) {
    const [email, name] = row.split(",");
    const created = await admin("POST", "/api/users", { email, name, password });
    expect(created.status).toBe(201);
  }
  const programme = await admin("POST", "/api/programmes", { name: "Backend Guild", acceptance: "two_sided" });
  expect(programme.status).toBe(201);
  programmeId = programme.json.id;
  const imported = await admin("POST", `/api/programmes/${programmeId}/imports`, csv, "text/csv");
  expect(imported.json.errors).toEqual([]);

  browser = await launchBrowser();
  context = await newContext(browser, server.baseUrl);
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const section = (p: Page, name: string) => p.getByRole("navigation", { name: /^Sections of/ }).getByRole("link", { name, exact: true });

/** The row of the pairs table for this mentee. */
const pairRow = (p: Page, mentee: string) =>
  p
    .getByRole("region", { name: /^Pairs in this round/ })
    .getByRole("row")
    .filter({ has: p.getByRole("rowheader", { name: mentee }) });

/** The mentor's name in a mentee's row of the pairs table. */
async function mentorOf(p: Page, mentee: string): Promise<string> {
  // The cell holds the name, then the email on its own line.
  return pairRow(p, mentee)
    .getByRole("cell")
    .first()
    .evaluate((cell) => (cell.firstChild?.textContent ?? "").trim());
}

describe("the coordinator runs and tunes a round", () => {
  test("runs the engine with the weights explained, and lands on the draft", async () => {
    await signIn(page, coordinator.email, coordinator.password);
    await page.goto(`/programmes/${programmeId}`);
    await section(page, "Matching").click();
    await heading(page, "Matching").waitFor();
    await settled(page);
    await page.getByText("No rounds yet.").waitFor();
    await page.getByText("10 means must match").waitFor();
    await expectNoSeriousAxeViolations(page, "matching page");
    await page.setViewportSize({ width: 360, height: 740 });
    await expectNoHorizontalScroll(page, "matching page");
    await page.setViewportSize({ width: 1280, height: 900 });

    // A weight out of range is caught with the server's own words, before anything runs.
    const interests = page.getByLabel("Shared interests", { exact: true });
    await interests.fill("12");
    await page.getByRole("button", { name: "Run the matching" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Please check the form" });
    await summary.getByText("Shared interests: Weights go from 0 (ignore) to 10 (must match)").waitFor();
    expect(await interests.getAttribute("aria-invalid")).toBe("true");
    await expectNoSeriousAxeViolations(page, "matching settings with an error");
    await interests.fill("2");
    await page.getByRole("button", { name: "Run the matching" }).click();

    await heading(page, "Matching round").waitFor();
    firstRoundPath = new URL(page.url()).pathname;
    await settled(page);
    const summaryCard = page.getByRole("region", { name: "Summary" });
    await summaryCard.getByText("4 of 5 mentees matched (80%)").waitFor();
    // The chart's numbers are in a table too, so nothing depends on seeing the bars.
    await summaryCard.getByRole("table", { name: "Pairs per score band" }).waitFor();
    const unmatched = page.getByRole("region", { name: /^Unmatched/ });
    await unmatched.getByText("Kai Mentee", { exact: true }).waitFor();
    await unmatched.getByText(/Japanese/).waitFor();
    await page.getByRole("region", { name: "Most wanted mentors" }).getByText("Ria Mentor").waitFor();
    await expectNoSeriousAxeViolations(page, "draft round");

    // Noor's manager is Mo: never paired. Ana only speaks Portuguese: Ria.
    expect(await mentorOf(page, "Noor Mentee")).not.toBe("Mo Mentor");
    expect(await mentorOf(page, "Ana Mentee")).toBe("Ria Mentor");
    bensFirstMentor = await mentorOf(page, "Ben Mentee");
    expect(bensFirstMentor).toMatch(/Mentor$/);

    // Each pair's explanation opens in place: factor points and reasons.
    const why = pairRow(page, "Ana Mentee").getByRole("button", { name: "Why Ana Mentee with Ria Mentor" });
    await why.click();
    expect(await why.getAttribute("aria-expanded")).toBe("true");
    const explanation = page.getByRole("table", { name: "Score of Ana Mentee with Ria Mentor, factor by factor" });
    await explanation.getByRole("rowheader", { name: "Skills" }).waitFor();
    await expectNoSeriousAxeViolations(page, "pair explanation");
  });

  test("sorts by score and filters by mentor", async () => {
    await page.getByRole("button", { name: "Score", exact: true }).click();
    await page.locator('th[aria-sort="ascending"]', { hasText: "Score" }).waitFor();
    await page.getByLabel("Show pairs of", { exact: true }).selectOption({ label: "Ria Mentor (1)" });
    await page.getByText("1 pair with this mentor").waitFor();
    await page.getByLabel("Show pairs of", { exact: true }).selectOption({ label: "Every mentor" });
    await page.getByText(/^4 pairs, sorted by score, lowest first/).waitFor();
  });

  test("inspects a pair side by side, with what they share marked in words", async () => {
    await pairRow(page, "Ana Mentee").getByRole("link", { name: "Side by side for Ana Mentee with Ria Mentor" }).click();
    await heading(page, "Side by side").waitFor();
    await settled(page);
    const mentee = page.getByRole("region", { name: "Mentee Ana Mentee" });
    const mentor = page.getByRole("region", { name: "Mentor Ria Mentor" });
    await mentee.getByRole("listitem").filter({ hasText: "Portuguese" }).getByText("Shared").waitFor();
    await mentor.getByRole("listitem").filter({ hasText: "React" }).getByText("Same skill").waitFor();
    await page
      .getByRole("region", { name: /^In common/ })
      .getByText("Portuguese")
      .waitFor();
    await expectNoSeriousAxeViolations(page, "side by side");

    // "What if": a mentor the rules rule out says why.
    const whatIf = page.getByLabel("Look at Ana Mentee with", { exact: true });
    const mo = await whatIf.locator("option", { hasText: "Mo Mentor" }).getAttribute("value");
    await whatIf.selectOption(mo ?? "");
    await page.getByRole("button", { name: "Show", exact: true }).click();
    await page.getByRole("heading", { name: "Grove won't make this pair" }).waitFor();
    await expectNoSeriousAxeViolations(page, "side by side, a pair the rules refuse");

    await page.setViewportSize({ width: 360, height: 740 });
    await expectNoHorizontalScroll(page, "side by side");
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole("link", { name: "Back to the round" }).click();
    await heading(page, "Matching round").waitFor();
  });

  test("locks one pair, excludes another, changes a weight and runs again", async () => {
    await settled(page);
    await pairRow(page, "Ana Mentee").getByRole("button", { name: "Lock Ana Mentee with Ria Mentor" }).click();
    await pairRow(page, "Ana Mentee").getByText("Lock in next run").waitFor();
    await pairRow(page, "Ben Mentee")
      .getByRole("button", { name: `Exclude Ben Mentee with ${bensFirstMentor}` })
      .click();
    await pairRow(page, "Ben Mentee").getByText("Excluded from next run").waitFor();

    const rerun = page.getByRole("region", { name: "Tune and run again" });
    await rerun.getByRole("button", { name: "Unlock Ana Mentee with Ria Mentor" }).waitFor();
    await rerun.getByRole("button", { name: `Allow again Ben Mentee with ${bensFirstMentor}` }).waitFor();
    await expectNoSeriousAxeViolations(page, "draft with locks and exclusions");
    await rerun.getByLabel("Experience gap", { exact: true }).fill("6");
    await rerun.getByRole("button", { name: "Run again" }).click();

    await page.getByText(/^New draft: 4 of 5 mentees matched/).waitFor();
    secondRoundPath = new URL(page.url()).pathname;
    expect(secondRoundPath).not.toBe(firstRoundPath);
    await settled(page);
    await pairRow(page, "Ana Mentee").getByText("Locked", { exact: true }).waitFor();
    expect(await mentorOf(page, "Ben Mentee")).not.toBe(bensFirstMentor);
  });

  test("compares the two drafts", async () => {
    await page.getByRole("link", { name: "Compare with the draft it was run from" }).click();
    await heading(page, "Compare rounds").waitFor();
    await settled(page);
    const changes = page.getByRole("table", { name: /^Changed pairs/ });
    const ben = changes.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /Ben Mentee/ }) });
    await ben.getByText(bensFirstMentor).waitFor();
    await page.getByRole("region", { name: "What changed" }).getByText("Experience gap weight 4 → 6").waitFor();
    await expectNoSeriousAxeViolations(page, "compare drafts");
    await page.setViewportSize({ width: 360, height: 740 });
    await expectNoHorizontalScroll(page, "compare drafts");
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test("moves a mentee by hand with the keyboard: broken rules and full mentors are refused with the reason", async () => {
    await page.getByRole("link", { name: "Open round A" }).click();
    await heading(page, "Matching round").waitFor();
    await settled(page);
    expect(new URL(page.url()).pathname).toBe(firstRoundPath);

    const move = page.getByRole("button", { name: "Move… Noor Mentee", exact: true });
    await move.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Move Noor Mentee?" });
    await dialog.waitFor();
    expect(await focused(page)).toBe("select:New mentor");
    // Mo manages Noor: the server names the rule.
    await page.keyboard.type("Mo");
    await tabTo(page, "button:Move");
    await page.keyboard.press("Enter");
    await dialog
      .getByRole("alert")
      .getByText(/one of them manages the other\. Nothing was changed\./)
      .waitFor();
    await expectNoSeriousAxeViolations(page, "move refused");

    // Ria's one place is taken.
    await dialog.getByLabel("New mentor", { exact: true }).focus();
    await page.keyboard.type("Ria");
    await tabTo(page, "button:Move");
    await page.keyboard.press("Enter");
    await dialog
      .getByRole("alert")
      .getByText(/Ria Mentor already has 1 of 1 places filled/)
      .waitFor();

    await dialog.getByLabel("New mentor", { exact: true }).selectOption({ label: "Nobody: leave Noor Mentee unmatched" });
    await tabTo(page, "button:Leave unmatched");
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "hidden" });
    await expectFocusedElementText(page, "Noor Mentee is now unmatched in this draft.");
    await page
      .getByRole("region", { name: /^Unmatched/ })
      .getByText("Noor Mentee", { exact: true })
      .waitFor();

    await page.setViewportSize({ width: 360, height: 740 });
    await expectNoHorizontalScroll(page, "draft round");
    await expectNoSeriousAxeViolations(page, "draft round at 360 px");
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test("discards the first draft after confirming", async () => {
    await page.getByRole("button", { name: "Discard…" }).click();
    const dialog = page.getByRole("dialog", { name: "Discard this draft?" });
    await dialog.getByText(/nobody is emailed/).waitFor();
    await dialog.getByRole("button", { name: "Discard", exact: true }).click();
    await expectFocusedElementText(page, "This draft has been discarded.");
    await page.getByText("Discarded", { exact: true }).first().waitFor();
    expect(await page.getByRole("button", { name: "Publish…" }).count()).toBe(0);
    await page.goto(secondRoundPath);
    await heading(page, "Matching round").waitFor();
  });
});

describe("publishing, and the participants' answers", () => {
  test("publishes with a confirmation that says who is emailed and how pairs start", async () => {
    await settled(page);
    await page.getByRole("button", { name: "Publish…" }).click();
    const dialog = page.getByRole("dialog", { name: "Publish this round?" });
    await dialog.getByText(/4 mentees and 3 mentors learn who they are paired with/).waitFor();
    await dialog.getByText(/1 unmatched mentee is told kindly/).waitFor();
    await dialog.getByText("Both must accept.").waitFor();
    await expectNoSeriousAxeViolations(page, "publish dialog");
    await dialog.getByRole("button", { name: "Publish 4 pairs" }).click();
    await dialog.waitFor({ state: "hidden" });
    const done = page.getByRole("status").filter({ hasText: "Round published" });
    await done.getByText(/4 pairs created, each waiting for both people to accept/).waitFor();
    await expectFocusedElementText(page, "Round published");
    await page.getByText("Published", { exact: true }).first().waitFor();
    expect(await page.getByRole("button", { name: "Publish…" }).count()).toBe(0);
    await expectNoSeriousAxeViolations(page, "published round");

    const mail = await waitForMail(server.dataDir, { to: "ana@example.org", subject: /^A proposed mentor for you in / });
    expect(mail.text).toContain("Ria Mentor");
  });

  test("a mentee and her mentor accept, each in their own browser", async () => {
    for (const [email, partner] of [
      ["ana@example.org", "Ria Mentor"],
      ["ria@example.org", "Ana Mentee"],
    ] as const) {
      const own = await newContext(browser, server.baseUrl);
      const p = await own.newPage();
      try {
        await signIn(p, email, password);
        if (email === "ria@example.org") {
          // Ria answers from the link in her email, which opens the pair's workspace.
          const mail = await waitForMail(server.dataDir, { to: email, subject: /^A proposed mentee for you in / });
          const link = mail.text.match(/https?:\/\/\S+\/pairs\/[\w-]+/)?.[0] ?? "";
          expect(link).not.toBe("");
          await p.goto(new URL(link).pathname);
          await p.getByText("This pair has not started yet").waitFor();
          await p.getByText("Why we matched you").waitFor();
          await expectNoSeriousAxeViolations(p, "a proposal in the workspace");
          await p.getByRole("button", { name: `Accept ${partner}` }).click();
          // Both accepted: the workspace opens where she stands.
          await p.locator(".workspace__with").getByText("Active").waitFor();
          await p.getByText("This pair has not started yet").waitFor({ state: "detached" });
          continue;
        }
        await p.goto("/pairs");
        await heading(p, "My pairs").waitFor();
        await settled(p);
        const card = p.getByRole("article", { name: partner });
        await card.getByText("Proposed", { exact: true }).waitFor();
        await card.getByText("Why we matched you").waitFor();
        expect(await card.getByRole("listitem").count()).toBeGreaterThan(0);
        await expectNoSeriousAxeViolations(p, `proposal for ${email}`);
        await card.getByRole("button", { name: `Accept ${partner}` }).click();
        if (email === "ana@example.org") {
          await card.getByText(/You accepted\. We're waiting for Ria Mentor/).waitFor();
          await expectFocusedElementText(p, "You accepted.");
        } else {
          // Both accepted: the card turns into the pair's, and focus lands on it.
          await card.getByText("Active", { exact: true }).waitFor();
          await card.getByRole("link", { name: "Open the workspace with Ana Mentee" }).waitFor();
          await expectFocusedElementText(p, "Ana Mentee");
        }
      } finally {
        await own.close();
      }
    }
  });

  test("another mentee declines: a reason is required, and only the coordinator reads it", async () => {
    const own = await newContext(browser, server.baseUrl, { width: 360, height: 740 });
    const p = await own.newPage();
    try {
      await signIn(p, "ben@example.org", password);
      await p.goto("/pairs");
      await heading(p, "My pairs").waitFor();
      await settled(p);
      await expectNoHorizontalScroll(p, "a proposal on a phone");
      const card = p.getByRole("article").filter({ hasText: "Why we matched you" });
      await card.getByRole("button", { name: /^Decline/ }).click();
      const dialog = p.getByRole("dialog", { name: /^Decline the match with/ });
      await dialog.getByRole("button", { name: "Decline", exact: true }).click();
      await dialog.getByText(/Say in a few words why/).waitFor();
      await expectNoSeriousAxeViolations(p, "decline dialog");
      await p.keyboard.type("Our hours never overlap: I work nights this quarter.");
      await dialog.getByRole("button", { name: "Decline", exact: true }).click();
      await dialog.waitFor({ state: "hidden" });
      await p.getByRole("article").getByText("Declined", { exact: true }).waitFor();
    } finally {
      await own.close();
    }
  });
});

describe("after publishing, the coordinator follows up", () => {
  let bensDeclinedMentor = "";

  test("sees the decline and its reason in the pairs list", async () => {
    await page.getByRole("link", { name: "Follow the pairs" }).click();
    await heading(page, "Pairs").waitFor();
    await settled(page);
    await page.getByText("4 pairs").waitFor();
    await expectNoSeriousAxeViolations(page, "pairs list");
    await page.getByRole("navigation", { name: "Filter pairs by status" }).getByRole("link", { name: "Declined" }).click();
    await page.getByText("1 pair declined").waitFor();
    const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /Ben Mentee/ }) });
    await row.getByText("Declined by the mentee").waitFor();
    await row.getByText("Our hours never overlap: I work nights this quarter.").waitFor();
    bensDeclinedMentor = await row
      .getByRole("cell")
      .first()
      .evaluate((cell) => (cell.firstChild?.textContent ?? "").trim());
    await page.getByRole("navigation", { name: "Filter pairs by status" }).getByRole("link", { name: "Active" }).click();
    await page
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: /Ana Mentee/ }) })
      .waitFor();
    await page.setViewportSize({ width: 360, height: 740 });
    await expectNoHorizontalScroll(page, "pairs list");
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test("resolves the open places; a draft gone stale is refused with a way to run again", async () => {
    await page.getByRole("button", { name: "Resolve open places…" }).click();
    const dialog = page.getByRole("dialog", { name: "Resolve open places?" });
    await expectNoSeriousAxeViolations(page, "resolve open places dialog");
    await dialog.getByRole("button", { name: "Run for open places" }).click();
    await heading(page, "Matching round").waitFor();
    await page.getByText(/^Open places: 1 of 2 waiting mentees matched/).waitFor();
    await settled(page);
    await page.getByText(/^Open places only/).waitFor();
    // Ben is offered someone new, never the mentor he declined.
    const bensNewMentor = await mentorOf(page, "Ben Mentee");
    expect(bensNewMentor).not.toBe(bensDeclinedMentor);
    expect(bensNewMentor).toMatch(/Mentor$/);

    // Meanwhile Lea declines her proposal: a place opens and the open-places draft is stale.
    const own = await newContext(browser, server.baseUrl);
    const p = await own.newPage();
    try {
      await signIn(p, "lea@example.org", password);
      await p.goto("/pairs");
      await heading(p, "My pairs").waitFor();
      await p.getByRole("button", { name: /^Decline/ }).click();
      await p.getByLabel("Why? (only your coordinator reads this)", { exact: true }).fill("I'd rather wait for a frontend mentor.");
      await p.getByRole("dialog").getByRole("button", { name: "Decline", exact: true }).click();
      await p.getByRole("article").getByText("Declined", { exact: true }).waitFor();
    } finally {
      await own.close();
    }

    await page.getByRole("button", { name: "Publish…" }).click();
    const publish = page.getByRole("dialog", { name: "Publish this round?" });
    await publish.getByRole("button", { name: "Publish 1 pair" }).click();
    await publish.getByText("Nothing was published.", { exact: false }).waitFor();
    await expectNoSeriousAxeViolations(page, "stale draft refused");
    await publish.getByRole("button", { name: "Run again", exact: true }).click();
    await page.getByText(/^New draft: \d of 3 mentees matched/).waitFor();
    await settled(page);
    await page
      .getByRole("region", { name: /^Unmatched/ })
      .getByText("Kai Mentee", { exact: true })
      .waitFor();
    await page.getByRole("button", { name: "Publish…" }).click();
    const again = page.getByRole("dialog", { name: "Publish this round?" });
    await again.getByRole("button", { name: /^Publish \d pairs?$/ }).click();
    await page.getByRole("status").filter({ hasText: "Round published" }).waitFor();
  });

  test("a no-fault rematch asks first, then frees the mentee", async () => {
    await page.getByRole("link", { name: "Follow the pairs" }).click();
    await heading(page, "Pairs").waitFor();
    await settled(page);
    const noor = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /Noor Mentee/ }) });
    await noor.getByRole("button", { name: "Rematch… Noor Mentee", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Rematch Noor Mentee?" });
    await dialog.getByText(/ends with no fault on either side/).waitFor();
    await expectNoSeriousAxeViolations(page, "rematch dialog");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "hidden" });
    await noor.getByRole("button", { name: "Rematch… Noor Mentee", exact: true }).click();
    await dialog.getByLabel("A note for both (optional)", { exact: true }).fill("Noor's goals moved to platform work.");
    await dialog.getByRole("button", { name: "End the pair and rematch" }).click();
    await page.getByText(/are no longer paired; both have been emailed/).waitFor();
    await expectFocusedElementText(page, "are no longer paired");
  });

  test("pairing by hand is searched by name and refused with the rule it breaks", async () => {
    await page.getByRole("button", { name: "Pair by hand…" }).click();
    const dialog = page.getByRole("dialog", { name: "Pair two people by hand" });
    await dialog.getByRole("button", { name: "Pair them" }).click();
    await dialog.getByText("Choose the mentee from the list").waitFor();
    await expectNoSeriousAxeViolations(page, "pair by hand");
    await dialog.getByLabel("The mentee", { exact: true }).fill("Noor");
    await dialog.getByRole("option", { name: "Noor Mentee (noor@example.org)" }).click();
    await dialog.getByLabel("Their mentor", { exact: true }).fill("mo@");
    // With the keyboard this time: arrow to the suggestion, Enter takes it.
    await dialog.getByRole("option", { name: "Mo Mentor (mo@example.org)" }).waitFor();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await dialog.getByRole("button", { name: "Pair them" }).click();
    // Mo is Noor's manager: the server's rule comes back in words, and nothing is paired.
    await dialog.getByText(/manages/).waitFor();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "hidden" });
  });
});
