import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectNoSeriousAxeViolations, launchBrowser, newContext } from "./support/browser";
import { type GroveServer, startGroveServer } from "./support/grove-server";
import { waitForMail } from "./support/mailbox";
import { heading, setUpInstance } from "./support/page-helpers";
import { type ApiRequest, apiSession, settled, signIn } from "./support/session";

// One coaching engagement from shortlist to completion, in the browser: the coordinator
// shortlists coaches, the coachee reads the profiles and chooses, the coach accepts, starts
// the session plan from a template, writes the agenda the coachee adds a topic to, defines
// an outcome, both rate the baseline and agree, both rate the final, and the coach
// completes — refused while a final is missing, then done. Axe on every screen.

const admin = { name: "Cora Coordinator", email: "cora@example.org", password: "plenty of words here" };
const password = "a long enough password";
const people = [
  "cleo@example.org,Cleo Coach,coach,15,Code Review:5;Go:4,technical skills,,Europe/London,English,3,",
  "cas@example.org,Cas Coach,coach,9,Kubernetes:4,technical skills,,Europe/Lisbon,English,2,",
  "dana@example.org,Dana Coachee,coachee,4,Code Review:2,,technical skills,Europe/Berlin,English,,",
];

let server: GroveServer;
let browser: Browser;
let cora: Page;
let dana: Page;
let cleo: Page;
let cleoApi: ApiRequest;
let programmeId = "";
let engagementPath = "";

beforeAll(async () => {
  server = await startGroveServer();
  await setUpInstance(server.baseUrl, admin);
  const api = await apiSession(server.baseUrl, admin.email, admin.password);
  for (const row of people) {
    const [email, name] = row.split(",");
    expect((await api("POST", "/api/users", { email, name, password })).status).toBe(201);
  }
  const today = new Date().toISOString().slice(0, 10);
  const programme = await api("POST", "/api/programmes", { name: "Leadership Coaching", type: "coaching", termStart: today });
  programmeId = programme.json.id;
  const csv = ["email,name,role,years_experience,skills,offers,seeks,timezone,languages,capacity,manager_email", ...people].join("\n");
  expect((await api("POST", `/api/programmes/${programmeId}/imports`, csv, "text/csv")).json.errors).toEqual([]);

  browser = await launchBrowser();
  cora = await (await newContext(browser, server.baseUrl)).newPage();
  dana = await (await newContext(browser, server.baseUrl)).newPage();
  cleo = await (await newContext(browser, server.baseUrl)).newPage();
  await signIn(cora, admin.email, admin.password);
  await signIn(dana, "dana@example.org", password);
  await signIn(cleo, "cleo@example.org", password);
  cleoApi = await apiSession(server.baseUrl, "cleo@example.org", password);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("a coaching engagement from shortlist to completion", () => {
  test("the coordinator shortlists coaches for the waiting coachee", async () => {
    await cora.goto(`/programmes/${programmeId}`);
    await cora
      .getByRole("navigation", { name: "Sections of Leadership Coaching" })
      .getByRole("link", { name: "Coaching", exact: true })
      .click();
    await heading(cora, "Coaching").waitFor();
    await settled(cora);
    await cora.getByRole("heading", { name: "No engagements yet" }).waitFor();
    // Mentoring's sections are not offered in a coaching programme.
    const sections = cora.getByRole("navigation", { name: "Sections of Leadership Coaching" });
    await expect(sections.getByRole("link", { name: "Matching" }).count()).resolves.toBe(0);
    await expect(sections.getByRole("link", { name: "Weekly resources" }).count()).resolves.toBe(0);
    await expectNoSeriousAxeViolations(cora, "coaching overview (empty)");
    await cora.getByRole("button", { name: "Shortlist coaches for waiting coachees" }).click();
    const dialog = cora.getByRole("dialog", { name: "Shortlist coaches" });
    await dialog.getByLabel("Coaches per shortlist").selectOption("2");
    await expectNoSeriousAxeViolations(cora, "shortlist dialog");
    await dialog.getByRole("button", { name: "Make the shortlists" }).click();
    await dialog.waitFor({ state: "hidden" });
    await cora.getByRole("link", { name: "Shortlists" }).click();
    await heading(cora, "Shortlists").waitFor();
    await cora.getByRole("cell", { name: "Dana Coachee" }).waitFor();
    await expectNoSeriousAxeViolations(cora, "shortlists");
  });

  test("the coachee reads the profiles and why each fits, records a chemistry call and chooses", async () => {
    const mail = await waitForMail(server.dataDir, { to: "dana@example.org", subject: "Choose your coach in Leadership Coaching" });
    const link = /http:\/\/[^\s]+\/choose-a-coach/.exec(mail.text)?.[0];
    expect(link).toBeDefined();
    await dana.goto(new URL(link as string).pathname);
    await heading(dana, "Choose your coach").waitFor();
    await settled(dana);
    const first = dana.getByRole("article", { name: "1. Cleo Coach" });
    await first.getByText("Code Review, Go").waitFor();
    await first.getByText("The fit, factor by factor").click();
    await first.getByRole("cell", { name: "Specialisms against the skills targeted" }).waitFor();
    await expectNoSeriousAxeViolations(dana, "choose a coach");
    const tomorrow = new Date(Date.now() + 86_400_000);
    const local = `${tomorrow.toISOString().slice(0, 10)}T09:30`;
    await first.getByLabel("When").fill(local);
    await first.getByRole("button", { name: "Record a chemistry call" }).click();
    await first.getByText(/20 minutes · planned/).waitFor();
    await waitForMail(server.dataDir, { to: "cleo@example.org", subject: "Chemistry call with Dana Coachee" });
    await first.getByRole("button", { name: "Choose Cleo Coach" }).click();
    const confirm = dana.getByRole("dialog", { name: "Choose Cleo Coach as your coach?" });
    await confirm.getByRole("button", { name: "Choose" }).click();
    await dana.getByText("You chose your coach. The engagement starts once they accept").waitFor();
  });

  test("the coach accepts from the email's link", async () => {
    const mail = await waitForMail(server.dataDir, { to: "cleo@example.org", subject: "Dana Coachee chose you as their coach" });
    engagementPath = new URL(/http:\/\/[^\s]+\/pairs\/[0-9a-f-]{36}/.exec(mail.text)?.[0] as string).pathname;
    await cleo.goto(engagementPath);
    await settled(cleo);
    await cleo.getByRole("button", { name: "Accept" }).click();
    await cleo.getByText("You both accepted").waitFor();
    await cleo.reload();
    await heading(cleo, "Your coaching engagement with Dana Coachee").waitFor();
    await settled(cleo);
    await cleo.getByText("Contracting", { exact: true }).waitFor();
    const nav = cleo.getByRole("navigation", { name: "Workspace with Dana Coachee" });
    for (const section of ["Overview", "Agreement", "Session plan", "Sessions", "Outcomes", "Exercises"])
      await expect(nav.getByRole("link", { name: section, exact: true }).count()).resolves.toBe(1);
    for (const mentoringOnly of ["Goals", "Reflections", "SWOT", "Introductions"])
      await expect(nav.getByRole("link", { name: mentoringOnly }).count()).resolves.toBe(0);
    await expectNoSeriousAxeViolations(cleo, "engagement overview (coach)");
  });

  test("the coach starts the plan from a template and leads the agenda; the coachee adds a topic", async () => {
    await cleo.getByRole("navigation", { name: "Workspace with Dana Coachee" }).getByRole("link", { name: "Session plan" }).click();
    await heading(cleo, "Session plan").waitFor();
    await settled(cleo);
    await cleo.getByLabel("Template", { exact: true }).selectOption({ label: "Skills engagement (six sessions) (6 sessions)" });
    await cleo.getByRole("button", { name: "Use this template" }).click();
    await expect.poll(() => cleo.getByLabel("Title").first().inputValue()).toBe("Contracting");
    await expectNoSeriousAxeViolations(cleo, "session plan (coach)");

    const pairId = engagementPath.split("/").at(-1) as string;
    const inTwoDays = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const scheduled = await cleoApi("POST", `/api/relationships/${pairId}/sessions`, {
      date: inTwoDays,
      startTime: "10:00",
      timeZone: "Europe/London",
    });
    expect(scheduled.status, scheduled.text).toBe(201);
    const sessionPath = `${engagementPath}/sessions/${scheduled.json.sessions[0].id}`;

    await cleo.goto(sessionPath);
    await settled(cleo);
    await cleo.getByLabel("What this session is for").fill("Agree what we work on and how we measure it");
    await cleo.getByRole("button", { name: "Save and share with Dana Coachee" }).click();
    await cleo.getByText("Shared with Dana Coachee. Changes you save are shared straight away.").waitFor();

    await dana.goto(sessionPath);
    await settled(dana);
    await dana.getByText("Agree what we work on and how we measure it").waitFor();
    await expect(dana.getByLabel("What this session is for").count()).resolves.toBe(0);
    await dana.getByLabel("A topic to raise").fill("A review that went badly last week");
    await dana.getByRole("button", { name: "Add the topic" }).click();
    await dana.getByRole("region", { name: "Topics I want to raise" }).getByText("A review that went badly last week").waitFor();
    await expectNoSeriousAxeViolations(dana, "session (coachee)");

    await cleo.reload();
    await cleo.getByRole("region", { name: "Topics I want to raise" }).getByText("A review that went badly last week").waitFor();
    await expectNoSeriousAxeViolations(cleo, "session (coach)");
  });

  test("the coach defines two outcomes; both rate the baseline and agree", async () => {
    await cleo.goto(`${engagementPath}/outcomes`);
    await heading(cleo, "Outcomes").waitFor();
    await settled(cleo);
    for (const [title, low, mid, high] of [
      ["Gives clear review feedback", "Avoids commenting", "Comments when asked", "Leads the review culture"],
      ["Speaks up in design reviews", "Stays silent", "Asks questions", "Shapes the design"],
    ]) {
      await cleo.getByRole("button", { name: "Add an outcome" }).click();
      const form = cleo.getByRole("form", { name: "Add the outcome" });
      await form.getByLabel("What will change").fill(title);
      await form.getByLabel("What 1 looks like").fill(low);
      await form.getByLabel("What 5 looks like").fill(mid);
      await form.getByLabel("What 10 looks like").fill(high);
      await form.getByLabel("Target").fill("8");
      if (title.startsWith("Gives")) await expectNoSeriousAxeViolations(cleo, "outcome form");
      await form.getByRole("button", { name: "Add the outcome" }).click();
      await cleo.getByRole("heading", { level: 3, name: new RegExp(title) }).waitFor();
    }
    // Agreeing needs a baseline on every outcome first.
    await cleo.getByRole("button", { name: "I agree these outcomes" }).click();
    await cleo.getByRole("alert").filter({ hasText: "needs a baseline rating" }).waitFor();
    for (const name of ["1. Gives clear review feedback", "2. Speaks up in design reviews"]) {
      const outcome = cleo.getByRole("article", { name });
      await outcome.getByLabel("Baseline (1–10)").fill("3");
      await outcome.getByRole("button", { name: /Save rating/ }).click();
      await outcome.getByRole("cell", { name: "Coach", exact: true }).waitFor();
    }
    await cleo.getByRole("button", { name: "I agree these outcomes" }).click();
    await cleo.getByText("The coach: agreed").waitFor();

    await dana.goto(`${engagementPath}/outcomes`);
    await settled(dana);
    const hers = dana.getByRole("article", { name: "1. Gives clear review feedback" });
    await hers.getByLabel("Baseline (1–10)").fill("4");
    await hers.getByRole("button", { name: /Save rating/ }).click();
    await hers.getByRole("cell", { name: "Coachee (self-rating)" }).waitFor();
    await dana.getByRole("button", { name: "I agree these outcomes" }).click();
    await dana.getByRole("heading", { name: "Agreed", exact: true }).waitFor();
    await dana.getByText("Under way").waitFor();
    await expectNoSeriousAxeViolations(dana, "outcomes (coachee)");
  });

  test("completion is refused naming the outcome without a final, then the engagement completes", async () => {
    await cleo.reload();
    await settled(cleo);
    const feedback = cleo.getByRole("article", { name: "1. Gives clear review feedback" });
    await feedback.getByLabel("Final (1–10)").fill("8");
    await feedback.getByRole("button", { name: /Save rating \(Final/ }).click();
    await feedback.getByText("Target met").waitFor();

    await cleo.goto(engagementPath);
    await settled(cleo);
    await cleo.getByRole("button", { name: "Complete the engagement" }).click();
    const dialog = cleo.getByRole("dialog", { name: "Complete the engagement?" });
    await dialog.getByRole("button", { name: "Complete" }).click();
    const missing = dialog.getByRole("list", { name: "Outcomes without a final measurement" });
    await missing.getByText("Speaks up in design reviews").waitFor();
    await expect(missing.getByRole("listitem").count()).resolves.toBe(1);
    await expectNoSeriousAxeViolations(cleo, "completion refused");
    await dialog.getByRole("button", { name: "Cancel" }).click();

    await dana.reload();
    await settled(dana);
    const speaking = dana.getByRole("article", { name: "2. Speaks up in design reviews" });
    await speaking.getByLabel("Final (1–10)").fill("6");
    await speaking.getByRole("button", { name: /Save rating \(Final/ }).click();
    await speaking.getByText("Target missed").waitFor();

    await cleo.getByRole("button", { name: "Complete the engagement" }).click();
    await dialog.getByRole("button", { name: "Complete" }).click();
    await dialog.waitFor({ state: "hidden" });
    await cleo.getByText("Complete. The outcomes show where you started").waitFor();
    await cleo.getByText("You can read everything here, but nothing can be changed any more.").waitFor();
    await expectNoSeriousAxeViolations(cleo, "completed engagement");

    await dana.reload();
    await settled(dana);
    await dana.getByRole("article", { name: "1. Gives clear review feedback" }).getByText("Target met").waitFor();
    await expect(dana.getByLabel("Final (1–10)").count()).resolves.toBe(0);
    await waitForMail(server.dataDir, { to: "dana@example.org", subject: "Coaching engagement complete: Dana Coachee" });

    await cora.goto(`/programmes/${programmeId}/coaching`);
    await settled(cora);
    const row = cora.getByRole("row").filter({ hasText: "Dana Coachee" });
    await row.getByText("Completed").waitFor();
    await row.getByText("2 of 2 measured").waitFor();
    await expectNoSeriousAxeViolations(cora, "coaching overview");
  });
});
