import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../test-support/test-app.js";

/** A stand-in for the built web app, so the SPA's own routes can be checked without a build. */
const webDir = fs.mkdtempSync(path.join(os.tmpdir(), "grove-web-"));
fs.writeFileSync(path.join(webDir, "index.html"), '<!doctype html><script type="module" src="/assets/app.js"></script>');
fs.mkdirSync(path.join(webDir, "assets"));
fs.writeFileSync(path.join(webDir, "assets", "app.js"), "console.log('grove')");

let t: TestApp;
let https: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { webDir });
  https = await createTestApp({ GROVE_BASE_URL: "https://grove.example.org" }, { webDir });
});
afterAll(async () => {
  await t.close();
  await https.close();
  fs.rmSync(webDir, { recursive: true, force: true });
});

const csp = (header: unknown) =>
  Object.fromEntries(
    String(header)
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );

describe("security headers", () => {
  it("are on every kind of response: API, error, docs, the web app and its assets", async () => {
    for (const url of ["/api/health", "/api/programmes", "/api/nothing-here", "/", "/programmes/123", "/assets/app.js", "/api/docs/"]) {
      const res = await t.app.inject({ method: "GET", url });
      expect(res.headers["x-content-type-options"], url).toBe("nosniff");
      expect(res.headers["referrer-policy"], url).toBe("no-referrer");
      expect(res.headers["x-frame-options"], url).toBe("DENY");
      const policy = csp(res.headers["content-security-policy"]);
      expect(policy["frame-ancestors"], url).toEqual(["'none'"]);
      expect(policy["script-src"], url).toEqual(["'self'"]);
      // Swagger UI injects a <style> element: its pages alone allow inline styles (never scripts).
      expect(policy["style-src"], url).toEqual(url.startsWith("/api/docs") ? ["'self'", "'unsafe-inline'"] : ["'self'"]);
      expect(policy["object-src"], url).toEqual(["'none'"]);
      expect(res.headers["strict-transport-security"], url).toBeUndefined();
    }
  });

  it("add HSTS and upgrade-insecure-requests only when Grove is served over HTTPS", async () => {
    const res = await https.app.inject({ method: "GET", url: "/api/health" });
    expect(res.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    expect(csp(res.headers["content-security-policy"])).toHaveProperty("upgrade-insecure-requests");
    expect(csp((await t.app.inject({ method: "GET", url: "/" })).headers["content-security-policy"])).not.toHaveProperty(
      "upgrade-insecure-requests",
    );
  });
});

describe("HEAD", () => {
  it("answers like GET, without a body, for the API, the web app's pages and its assets", async () => {
    for (const url of ["/api/health", "/", "/programmes/123", "/sign-in", "/assets/app.js", "/api/docs/"]) {
      const get = await t.app.inject({ method: "GET", url });
      const head = await t.app.inject({ method: "HEAD", url });
      expect(head.statusCode, url).toBe(get.statusCode);
      expect(head.headers["content-type"], url).toBe(get.headers["content-type"]);
      expect(head.headers["content-security-policy"], url).toBe(get.headers["content-security-policy"]);
      expect(head.body, url).toBe("");
    }
    expect((await t.app.inject({ method: "HEAD", url: "/api/nothing-here" })).statusCode).toBe(404);
  });
});
