import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpCapture } from "../test-support/smtp-capture.js";
import { ADMIN, Client, createTestApp, setUpAdmin, type TestApp } from "../test-support/test-app.js";

const TOKEN = "metrics-token-for-tests-0123456789";

describe("GET /metrics with GROVE_METRICS_TOKEN set", () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  let admin: Client;
  beforeAll(async () => {
    smtp = await startSmtpCapture();
    t = await createTestApp({ GROVE_METRICS_TOKEN: TOKEN, GROVE_SMTP_URL: smtp.url });
    admin = await setUpAdmin(t.app);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const scrape = (authorization?: string) =>
    t.app.inject({ method: "GET", url: "/metrics", headers: authorization ? { authorization } : {} });

  it("needs the token", async () => {
    expect((await scrape()).statusCode).toBe(401);
    expect((await scrape("Bearer not-the-token")).statusCode).toBe(401);
    const res = await scrape(`Bearer ${TOKEN}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/plain/);
  });

  it("counts requests by route pattern, and no label carries an id, an email or a query string", async () => {
    const programme = (await admin.post("/api/programmes", { name: "Metrics cohort" })).json();
    await admin.get(`/api/programmes/${programme.id}`);
    await admin.get(`/api/users?q=${encodeURIComponent(ADMIN.email)}`);
    await admin.get("/api/no-such-thing/marker-path-7f3a");
    await new Client(t.app).post("/api/auth/password-resets", { email: ADMIN.email });
    await t.runJobs();
    const text = (await scrape(`Bearer ${TOKEN}`)).body;
    expect(text).toMatch(/grove_http_request_duration_seconds_count\{method="GET",route="\/api\/programmes\/:id",status_code="200"\} 1/);
    expect(text).toMatch(/grove_http_request_duration_seconds_count\{method="GET",route="unmatched",status_code="404"\} 1/);
    expect(text).toMatch(/grove_jobs_finished_total\{job="mail.send",outcome="done"\} 1/);
    expect(text).toMatch(/grove_mail_total\{outcome="sent"\} 1/);
    expect(text).toMatch(/grove_jobs_queued\{state="due"\} 0/);
    expect(text).toMatch(/grove_db_pool_connections\{state="total"\} \d+/);
    expect(text).toMatch(/grove_process_resident_memory_bytes \d+/);
    expect(text).not.toContain(programme.id);
    expect(text).not.toContain(ADMIN.email);
    expect(text).not.toContain("example.org");
    expect(text).not.toContain("marker-path");
    expect(text).not.toMatch(/\?q=/);
  });
});

describe("GET /metrics without a token configured", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("does not exist", async () => {
    const res = await t.app.inject({ method: "GET", url: "/metrics", headers: { authorization: "Bearer anything" } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("not_found");
  });
});
