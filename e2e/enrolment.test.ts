import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectNoSeriousAxeViolations, launchBrowser, newContext } from "./support/browser";
import { type GroveServer, startGroveServer } from "./support/grove-server";
import { waitForMail } from "./support/mailbox";
import { expectFocusedElementText, expectNoHorizontalScroll, focused, heading, setUpInstance, tabTo } from "./support/page-helpers";
import { settled, signIn } from "./support/session";

// Enrolment from both sides on one server: a coordinator designs a programme and its
// form, opens applications, invites, imports and reviews; applicants apply through the
// public link (one with the keyboard only, one on a phone), an invitee accepts, and an
// approved applicant works through onboarding. Each test continues the previous one.

const coordinator = { name: "Cleo Coordinator", email: "cleo@example.org", password: "plenty of words here" };
const amara = { name: "Amara Applicant", email: "amara@example.org", password: "keyboard only please" };
const bo = { name: "Bo Builder", email: "bo@example.org", password: "small screens rule" };
const ivy = { name: "Ivy Invitee", email: "ivy@example.org", password: "invited and happy" };
const trackQuestion = "Which track interests you most?";

const goodCsv = [
  "email,name,role,years_experience,skills,offers,seeks,timezone,languages,capacity,which_track_interests_you_most",
  "mo@example.org,Mo Mentor,mentor,12,Go:5;TypeScript:4,technical skills,,Europe/Lisbon,English;Portuguese,2,",
  "eve@example.org,Eve Mentee,mentee,1,Go:3,,career development,Africa/Lagos,English,,Backend",
].join("\n");
const badCsv = goodCsv.replace("eve@example.org,Eve Mentee,mentee", "eve@example.org,Eve Mentee,guru");

let server: GroveServer;
let browser: Browser;
let coordinatorContext: BrowserContext;
let page: Page;
let amaraContext: BrowserContext;
let amaraPage: Page;
let boContext: BrowserContext;
let programmePath = "";
let applyPath = "";
let invitationLink = "";

beforeAll(async () => {
  server = await startGroveServer();
  await setUpInstance(server.baseUrl, coordinator);
  browser = await launchBrowser();
  coordinatorContext = await newContext(browser, server.baseUrl);
  page = await coordinatorContext.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The section links every coordinator page of a programme has. */
const section = (p: Page, name: string) => p.getByRole("navigation", { name: /^Sections of/ }).getByRole("link", { name, exact: true });

describe("a coordinator designs a programme and opens it", () => {
  test("creates a programme and adds a question to the mentee form", async () => {
    await signIn(page, coordinator.email, coordinator.password);

    await page.getByRole("link", { name: "New programme" }).click();
    await page.getByLabel("Name", { exact: true }).fill("Frontend Circle");
    await page.getByLabel("Description (optional)", { exact: true }).fill("Twelve weeks pairing people who build for the web.");
    await page.getByRole("button", { name: "Create programme" }).click();
    await heading(page, "Frontend Circle").waitFor();
    programmePath = new URL(page.url()).pathname;

    await section(page, "Intake forms").click();
    await heading(page, "Intake forms").waitFor();
    await page.getByRole("heading", { name: "Mentee form", level: 2 }).waitFor();
    await settled(page);
    // Built-in questions are marked and can't be removed.
    const firstQuestion = page.getByRole("listitem").filter({ hasText: "How many years have you worked in software?" });
    await firstQuestion.getByText("Built-in").waitFor();
    expect(await firstQuestion.getByRole("button", { name: /^Remove/ }).count()).toBe(0);
    await expectNoSeriousAxeViolations(page, "intake form builder");

    await page.getByRole("button", { name: "Add a question" }).click();
    await expectFocusedElementText(page, "New question");
    await page.getByLabel("Kind of answer", { exact: true }).selectOption("single_choice");
    // A choice question needs two choices: the builder says so with the server's words.
    await page.getByLabel("Question", { exact: true }).fill(trackQuestion);
    await page.getByLabel("Choices", { exact: true }).fill("Frontend");
    await page.getByRole("button", { name: "Add this question" }).click();
    await page.getByRole("alert").filter({ hasText: "Give at least two choices" }).waitFor();
    expect(await page.getByLabel("Key", { exact: true }).inputValue()).toBe("which_track_interests_you_most");
    await page.getByLabel("Choices", { exact: true }).fill("Frontend\nBackend\nBoth");
    await page.getByLabel("Applicants must answer this", { exact: true }).check();
    await expectNoSeriousAxeViolations(page, "question editor with an error");
    await page.getByRole("button", { name: "Add this question" }).click();
    await page.getByText("You have changes that aren't saved yet.").waitFor();

    await page.getByRole("button", { name: "Show the preview" }).click();
    await page.getByRole("group", { name: `${trackQuestion}` }).waitFor();
    await expectNoSeriousAxeViolations(page, "form preview");

    await page.getByRole("button", { name: "Save form" }).click();
    await page.getByText(/^Version 2, saved/).waitFor();
    await page.getByText("No unsaved changes.").waitFor();
  });

  test("settings: phases must cover the term, then applications open with a link to share", async () => {
    await section(page, "Settings").click();
    await heading(page, "Settings").waitFor();
    await expectNoSeriousAxeViolations(page, "programme settings");

    await page.getByLabel("Phase 3 name", { exact: true }).waitFor();
    await page.locator("#settings-phases-2-end").fill("11");
    await page.getByRole("button", { name: "Save settings" }).click();
    const problem = page.getByRole("alert").filter({ hasText: "The phases end in week 11, but the term has 12 weeks." });
    await problem.waitFor();
    await expectNoSeriousAxeViolations(page, "settings with a phase error");
    await page.locator("#settings-phases-2-end").fill("12");
    await page.getByLabel("Session length (minutes)", { exact: true }).fill("45");
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByText("Settings saved.").waitFor();

    const stage = page.getByRole("region", { name: "Stage" });
    await stage.getByRole("button", { name: "Open applications" }).click();
    const dialog = page.getByRole("dialog", { name: "Open applications?" });
    await dialog.getByRole("button", { name: "Open applications" }).click();
    await dialog.waitFor({ state: "hidden" });
    await stage.getByText("Taking applications", { exact: true }).first().waitFor();

    const link = page.getByLabel("Public application link", { exact: true });
    applyPath = new URL(await link.inputValue()).pathname;
    expect(applyPath).toMatch(/^\/apply\/frontend-circle/);
    await page
      .getByRole("region", { name: "Application link" })
      .getByText(/^Taking applications until/)
      .waitFor();
  });

  test("weekly resources can be rewritten for one side", async () => {
    await section(page, "Weekly resources").click();
    await heading(page, "Weekly resources").waitFor();
    await settled(page);
    await expectNoSeriousAxeViolations(page, "weekly resources");
    const week1 = page.getByRole("region", { name: /^Week 1\b/ });
    await week1.getByRole("button", { name: "Edit week 1 mentees' resource" }).click();
    await week1.getByLabel("Title", { exact: true }).fill("Say hello properly");
    await week1.getByRole("button", { name: "Add a link" }).click();
    await week1.getByLabel("Text", { exact: true }).last().fill("A short guide");
    await week1.getByLabel("Address", { exact: true }).fill("not a url");
    await week1.getByRole("button", { name: "Save" }).click();
    await week1.getByRole("alert").filter({ hasText: "Links must be full URLs" }).waitFor();
    await week1.getByLabel("Address", { exact: true }).fill("https://example.org/hello");
    await week1.getByRole("button", { name: "Save" }).click();
    await week1.getByText("Say hello properly").waitFor();
    await week1.getByRole("link", { name: /A short guide/ }).waitFor();
  });

  test("invites someone by email", async () => {
    await section(page, "Invite").click();
    await heading(page, "Invite people").waitFor();
    await expectNoSeriousAxeViolations(page, "invite people");
    await page.getByLabel("Email addresses", { exact: true }).fill(`${ivy.email}, not-an-address`);
    await page.getByRole("button", { name: "Send invitations" }).click();
    await page.getByRole("alert").filter({ hasText: "look like an email address: not-an-address" }).waitFor();
    await page.getByLabel("Email addresses", { exact: true }).fill(`${ivy.email}\n${coordinator.email}`);
    await page.getByRole("button", { name: "Send invitations" }).click();
    await page.getByRole("heading", { name: "2 invitations sent" }).waitFor();

    const mail = await waitForMail(server.dataDir, { to: ivy.email, subject: /invites you to/ });
    invitationLink = mail.text.match(/https?:\/\/\S+\/invitations\/\S+/)?.[0] ?? "";
    expect(invitationLink).not.toBe("");

    // Inviting oneself was a slip: the sent list lets the coordinator take it back.
    const sent = page.getByRole("table", { name: "Invitations sent, newest first" });
    await sent.getByRole("cell", { name: coordinator.email, exact: true }).waitFor();
    await expectNoSeriousAxeViolations(page, "invitations sent");
    await page.getByRole("button", { name: `Revoke the invitation to ${coordinator.email}` }).click();
    const dialog = page.getByRole("dialog", { name: "Revoke this invitation?" });
    await dialog.getByRole("button", { name: "Revoke invitation" }).click();
    await page.getByText(`The invitation to ${coordinator.email} was revoked`).waitFor();
    await sent.getByRole("cell", { name: coordinator.email, exact: true }).waitFor({ state: "detached" });
    await sent.getByRole("cell", { name: ivy.email, exact: true }).waitFor();
  });

  test("imports people from a CSV file: a file with an error imports nothing", async () => {
    await section(page, "Import").click();
    await heading(page, "Import people").waitFor();
    await page.getByText("What the file looks like").click();
    await page.getByRole("table", { name: "Question keys in this programme" }).getByText("which_track_interests_you_most").waitFor();
    await expectNoSeriousAxeViolations(page, "import");

    const file = page.getByLabel("CSV file", { exact: true });
    await file.setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(badCsv) });
    await page.getByText("Ready: people.csv (3 lines).").waitFor();
    await page.getByRole("button", { name: "Check the file" }).click();
    await page.getByRole("heading", { name: "1 problem in people.csv: nothing was imported" }).waitFor();
    const problems = page.getByRole("table", { name: "Problems found in people.csv" });
    const row = problems.getByRole("row").nth(1);
    expect(await row.getByRole("cell").allTextContents()).toEqual(["3", "role", expect.stringContaining("guru")]);
    expect(await page.getByRole("button", { name: /^Import \d/ }).count()).toBe(0);
    await expectNoSeriousAxeViolations(page, "import with problems");

    await file.setInputFiles({ name: "people-fixed.csv", mimeType: "text/csv", buffer: Buffer.from(goodCsv) });
    await page.getByRole("button", { name: "Check the file" }).click();
    await page.getByRole("heading", { name: "people-fixed.csv is ready to import" }).waitFor();
    await page.getByRole("button", { name: "Import 2 rows" }).click();
    const finished = page.getByRole("region", { name: "Import finished" });
    await finished.waitFor();
    expect(await finished.textContent()).toContain("2 new people, emailed a link to choose a password");
  });
});

describe("people apply through the public link", () => {
  test("Amara applies using only the keyboard", async () => {
    amaraContext = await newContext(browser, server.baseUrl);
    amaraPage = await amaraContext.newPage();
    const p = amaraPage;
    await p.goto(applyPath);
    await heading(p, "Apply to Frontend Circle").waitFor();
    await p.getByText("Applications are open.").waitFor();
    await settled(p);
    await expectNoSeriousAxeViolations(p, "public application page");

    await tabTo(p, "input:Mentor", 40);
    await p.keyboard.press("ArrowDown");
    expect(await focused(p)).toBe("input:Mentee");
    await tabTo(p, "input:How many years have you worked in software?");
    await p.keyboard.type("3");
    await tabTo(p, "input:Skill");
    await p.keyboard.type("React");
    await p.getByRole("option", { name: "React", exact: true }).waitFor();
    await p.keyboard.press("ArrowDown");
    await p.keyboard.press("Enter");
    await p.keyboard.press("Enter");
    await p.getByRole("list", { name: "Skills added (1)" }).getByRole("button", { name: "Remove React" }).waitFor();
    await tabTo(p, "input:technical skills");
    await p.keyboard.press("Space");
    await tabTo(p, "input:Languages you can meet in");
    await p.keyboard.type("English, Swahili");
    await p.keyboard.press("Enter");
    await p.getByRole("list", { name: "Added to “Languages you can meet in”" }).getByRole("button", { name: "Remove Swahili" }).waitFor();
    await tabTo(p, "input:Frontend", 40);
    await p.keyboard.press("Space");
    await tabTo(p, "input:Your name");
    await p.keyboard.type(amara.name);
    await tabTo(p, "input:Email");
    await p.keyboard.type(amara.email);
    await tabTo(p, "input:Choose a password");
    await p.keyboard.type(amara.password);
    await tabTo(p, "button:Send application");
    await p.keyboard.press("Enter");

    // Applying without an account is answered the same whether or not the address has one: check your email.
    await p.getByRole("heading", { name: "Check your email" }).waitFor();
    await expectFocusedElementText(p, "Check your email");
    await p.getByText(amara.email).waitFor();
    await expectNoSeriousAxeViolations(p, "application sent, check your email");
    const receipt = await waitForMail(server.dataDir, { to: amara.email, subject: "We received your application to Frontend Circle" });
    expect(receipt.text).toMatch(/sign in with this email address and the password you chose/);
    await tabTo(p, "a:Sign in");
    await p.keyboard.press("Enter");
    await p.getByLabel("Email", { exact: true }).waitFor();
    await tabTo(p, "input:Email");
    await p.keyboard.type(amara.email);
    await tabTo(p, "input:Password");
    await p.keyboard.type(amara.password);
    await p.keyboard.press("Enter");
    await heading(p, "Your enrolment").waitFor();
    await p.getByRole("heading", { name: "Status: Waiting for review" }).waitFor();
    await p.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My enrolment" }).waitFor();
    await expectNoSeriousAxeViolations(p, "my enrolment (applied)");
  });

  test("Bo applies on a 360 px phone; errors land on the right fields", async () => {
    boContext = await newContext(browser, server.baseUrl, { width: 360, height: 740 });
    const p = await boContext.newPage();
    await p.goto(applyPath);
    await heading(p, "Apply to Frontend Circle").waitFor();
    await settled(p);
    await expectNoHorizontalScroll(p, "application form");

    await p.getByRole("button", { name: "Send application" }).click();
    const summary = p.getByRole("alert").filter({ hasText: "Please check the form" });
    await summary.waitFor();
    expect(await summary.textContent()).toContain("Choose whether you want to take part as a mentor or a mentee");
    await expectNoHorizontalScroll(p, "application form with errors");

    await p.getByLabel("Mentor", { exact: true }).check();
    await p.getByRole("button", { name: "Send application" }).click();
    await summary.getByText(/How many years have you worked in software\?: This question needs an answer/).waitFor();
    const years = p.getByLabel("How many years have you worked in software?", { exact: true });
    expect(await years.getAttribute("aria-invalid")).toBe("true");
    await expectNoSeriousAxeViolations(p, "application form with errors at 360 px");
    await expectNoHorizontalScroll(p, "mentor application form with errors");

    await years.fill("12");
    // An unknown skill is kept as typed, with the closest known ones offered.
    await p.getByLabel("Skill", { exact: true }).fill("Kubernets");
    await p.getByRole("button", { name: "Add skill" }).click();
    await p.getByText("“Kubernets” isn't a skill Grove knows yet").waitFor();
    await expectNoHorizontalScroll(p, "unknown skill suggestion");
    await p.getByRole("button", { name: "Use Kubernetes instead of Kubernets" }).click();
    await p.getByRole("list", { name: "Skills added (1)" }).getByRole("button", { name: "Remove Kubernetes" }).waitFor();
    await p.getByLabel("career development", { exact: true }).check();
    await p.getByLabel("Languages you can meet in", { exact: true }).fill("English");
    await p.getByLabel("Languages you can meet in", { exact: true }).press("Enter");
    await p.getByLabel("How many people can you take on at once?", { exact: true }).fill("2");
    await p.getByRole("button", { name: "Add a time" }).click();
    await p.getByLabel("Day", { exact: true }).selectOption("wed");
    await expectNoHorizontalScroll(p, "availability row");

    await p.getByLabel("Your name", { exact: true }).fill(bo.name);
    await p.getByLabel("Email", { exact: true }).fill(bo.email);
    await p.getByLabel("Choose a password", { exact: true }).fill(bo.password);
    await p.getByRole("button", { name: "Send application" }).click();
    await p.getByRole("heading", { name: "Check your email" }).waitFor();
    await expectNoHorizontalScroll(p, "application sent");
    await waitForMail(server.dataDir, { to: bo.email, subject: "We received your application to Frontend Circle" });
    await p.getByRole("link", { name: "Sign in" }).click();
    await p.getByLabel("Email", { exact: true }).fill(bo.email);
    await p.getByLabel("Password", { exact: true }).fill(bo.password);
    await p.getByRole("button", { name: "Sign in" }).click();
    await p.getByRole("heading", { name: "Status: Waiting for review" }).waitFor();
    await expectNoHorizontalScroll(p, "my enrolment");
  });

  test("an address that already has an account gets the same answer, and its owner an email", async () => {
    const context = await newContext(browser, server.baseUrl);
    const p = await context.newPage();
    await p.goto(applyPath);
    await heading(p, "Apply to Frontend Circle").waitFor();
    await settled(p);
    await p.getByLabel("Mentee", { exact: true }).check();
    await p.getByLabel("How many years have you worked in software?", { exact: true }).fill("2");
    await p.getByLabel("Skill", { exact: true }).fill("React");
    await p.getByRole("button", { name: "Add skill" }).click();
    await p.getByRole("list", { name: "Skills added (1)" }).waitFor();
    await p.getByLabel("technical skills", { exact: true }).check();
    await p.getByLabel("Languages you can meet in", { exact: true }).fill("English");
    await p.getByLabel("Languages you can meet in", { exact: true }).press("Enter");
    await p.getByLabel("Frontend", { exact: true }).check();
    await p.getByLabel("Your name", { exact: true }).fill("Not Mo");
    await p.getByLabel("Email", { exact: true }).fill("mo@example.org");
    await p.getByLabel("Choose a password", { exact: true }).fill("someone else entirely");
    await p.getByRole("button", { name: "Send application" }).click();
    await p.getByRole("heading", { name: "Check your email" }).waitFor();
    const note = await waitForMail(server.dataDir, {
      to: "mo@example.org",
      subject: "Your application to Frontend Circle: please sign in first",
    });
    expect(note.text).toContain(applyPath);
    await context.close();
  });
});

describe("the coordinator reviews", () => {
  test("approves one and declines one with a reason, in bulk", async () => {
    await section(page, "Participants").click();
    await heading(page, "Participants").waitFor();
    await page.getByText("4 people in this programme").waitFor();
    await expectNoSeriousAxeViolations(page, "participant directory");

    await page.getByLabel("Status", { exact: true }).selectOption("applied");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.getByText("2 people match the filters").waitFor();

    await page.getByLabel(`Select ${amara.name}`, { exact: true }).check();
    await page.getByText("1 selected.").waitFor();
    await page.getByRole("button", { name: "Approve the selected applications" }).click();
    const approve = page.getByRole("dialog", { name: `Approve ${amara.name}'s application?` });
    await approve.getByRole("button", { name: "Approve", exact: true }).click();
    await page.getByText("1 application approved. The applicant has been emailed.").waitFor();
    await page.getByText("1 person matches the filters").waitFor();

    await page.getByLabel(`Select ${bo.name}`, { exact: true }).check();
    await page.getByRole("button", { name: "Decline the selected applications" }).click();
    const decline = page.getByRole("dialog", { name: `Decline ${bo.name}'s application?` });
    await decline.waitFor();
    // The reason box has focus and is required.
    expect(await focused(page)).toBe("textarea:Reason (the applicant reads this)");
    await decline.getByRole("button", { name: "Decline", exact: true }).click();
    await decline.getByText("A reason is required to decline").waitFor();
    await expectNoSeriousAxeViolations(page, "decline dialog");
    await page.keyboard.type("This term is full of mentors with Kubernetes experience; we'd love you to apply next term.");
    await decline.getByRole("button", { name: "Decline", exact: true }).click();
    await page.getByText("1 application declined. The applicant has been emailed.").waitFor();
    await page.getByText("0 people match the filters").waitFor();
    await expectFocusedElementText(page, "1 application declined");
  });

  test("filters by skill and status, on a phone too, and opens one application", async () => {
    await page.getByLabel("Status", { exact: true }).selectOption("approved");
    await page.getByLabel("Skill", { exact: true }).fill("Reac");
    await page.getByRole("option", { name: "React", exact: true }).click();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.getByText("1 person matches the filters").waitFor();
    const table = page.getByRole("table");
    await table.getByRole("link", { name: amara.name }).waitFor();
    const exportHref = (await page.getByRole("link", { name: /Download CSV/ }).getAttribute("href")) ?? "";
    expect(exportHref).toContain("status=approved");
    expect(exportHref).toContain("skill=React");

    // Sorting by a column reorders and marks it for screen readers.
    await page.getByRole("link", { name: "Clear filters" }).click();
    await page.getByText("4 people in this programme").waitFor();
    await page.getByRole("button", { name: "Experience", exact: true }).click();
    await page.locator('th[aria-sort="ascending"]', { hasText: "Experience" }).waitFor();
    // The sorted page arrives after the header changes: wait for it rather than read the old rows.
    await table.getByRole("rowheader").first().getByRole("link", { name: "Eve Mentee", exact: true }).waitFor();

    await page.setViewportSize({ width: 360, height: 740 });
    await expectNoHorizontalScroll(page, "participant directory");
    await expectNoSeriousAxeViolations(page, "participant directory at 360 px");
    await page.setViewportSize({ width: 1280, height: 900 });

    await table.getByRole("link", { name: amara.name }).click();
    await heading(page, "Application").waitFor();
    await page.getByRole("heading", { name: amara.name, level: 2 }).waitFor();
    const answers = page.getByRole("region", { name: "Answers" });
    await answers.getByText(trackQuestion).waitFor();
    await answers.getByText("React (level 3)").waitFor();
    await expectNoSeriousAxeViolations(page, "participant detail");
    await page.getByRole("button", { name: "Waitlist" }).waitFor();
  });

  test("reminds everyone who hasn't finished onboarding", async () => {
    await section(page, "Participants").click();
    await page.getByText("4 people in this programme").waitFor();
    await page.getByRole("button", { name: "Remind those who haven't finished onboarding" }).click();
    const dialog = page.getByRole("dialog", { name: "Send onboarding reminders?" });
    await dialog.getByText(/^3 people who applied/).waitFor();
    await dialog.getByRole("button", { name: "Email 3 people" }).click();
    await page.getByText("Reminder emailed to 3 people who haven't finished onboarding.").waitFor();
    await waitForMail(server.dataDir, { to: "eve@example.org", subject: /^A reminder: onboarding for/ });
  });
});

describe("participants follow up", () => {
  test("the approved applicant completes onboarding; the declined one reads why", async () => {
    const p = amaraPage;
    await p.reload();
    await p.getByRole("heading", { name: "Status: Approved" }).waitFor();
    const onboarding = p.getByRole("region", { name: "Onboarding" });
    for (const title of ["You set the agenda", "Come prepared", "Track your actions"]) {
      await onboarding.getByRole("button", { name: `Mark as done: ${title}` }).click();
      await onboarding.getByRole("button", { name: `Mark as not done: ${title}` }).waitFor();
    }
    await onboarding.getByText("3 of 3 done").waitFor();
    await onboarding.getByText("You've finished onboarding.").waitFor();
    await onboarding.getByRole("button", { name: "Mark as not done: Come prepared" }).click();
    await onboarding.getByText("2 of 3 done").waitFor();
    await onboarding.getByRole("button", { name: "Mark as done: Come prepared" }).click();
    await onboarding.getByText("3 of 3 done").waitFor();
    await expectNoSeriousAxeViolations(p, "my enrolment (approved, onboarding done)");

    const boPage = boContext.pages()[0];
    await boPage.reload();
    await boPage.getByRole("heading", { name: "Status: Not offered a place" }).waitFor();
    await boPage.getByText("This term is full of mentors with Kubernetes experience").waitFor();
    await expectNoHorizontalScroll(boPage, "declined enrolment");
  });

  test("the invitee accepts the invitation and the link then stops working", async () => {
    const context = await newContext(browser, server.baseUrl);
    const p = await context.newPage();
    try {
      await p.goto(invitationLink);
      await heading(p, "You're invited to join Frontend Circle as a mentee").waitFor();
      await settled(p);
      await expectNoSeriousAxeViolations(p, "invitation");

      await p.getByLabel("How many years have you worked in software?", { exact: true }).fill("2");
      await p.getByLabel("Skill", { exact: true }).fill("CSS");
      await p.getByRole("button", { name: "Add skill" }).click();
      await p.getByLabel("personal development", { exact: true }).check();
      await p.getByLabel("Languages you can meet in", { exact: true }).fill("English");
      await p.getByRole("button", { name: "Add to “Languages you can meet in”" }).click();
      await p.getByLabel("Both", { exact: true }).check();
      await p.getByLabel("Your name", { exact: true }).fill(ivy.name);
      await p.getByLabel("Choose a password", { exact: true }).fill("short");
      await p.getByRole("button", { name: "Accept the invitation" }).click();
      await p.getByRole("alert").filter({ hasText: "Passwords need at least 10 characters" }).waitFor();
      await p.getByLabel("Choose a password", { exact: true }).fill(ivy.password);
      await p.getByRole("button", { name: "Accept the invitation" }).click();

      await heading(p, "Your enrolment").waitFor();
      await p.getByRole("heading", { name: "Status: Approved" }).waitFor();
      await p.getByText("Your place as a mentee is confirmed.").waitFor();

      await p.goto(invitationLink);
      await heading(p, "This invitation has been used").waitFor();
      await expectNoSeriousAxeViolations(p, "used invitation");
    } finally {
      await context.close();
    }
  });

  test("the last coordinator can't be removed", async () => {
    await page.goto(programmePath);
    const coordinators = page.getByRole("region", { name: "Coordinators" });
    await coordinators.getByRole("button", { name: `Remove ${coordinator.name} as coordinator` }).click();
    const dialog = page.getByRole("dialog", { name: `Remove ${coordinator.name} as coordinator?` });
    await dialog.getByRole("button", { name: "Remove", exact: true }).click();
    await dialog.getByText("A programme needs at least one coordinator.").waitFor();
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    await expectNoSeriousAxeViolations(page, "programme overview");
  });
});
