import { describe, expect, it } from "vitest";
import { Client, createTestApp } from "../test-support/test-app.js";
import { redactUrl } from "./logger.js";

describe("logged request addresses", () => {
  it("lose secrets carried in the path or the query, and keep ids and words", () => {
    const token = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcd";
    expect(redactUrl(`/api/invitations/${token}`)).toBe("/api/invitations/[redacted]");
    expect(redactUrl(`/api/calendar/${token}.ics`)).toBe("/api/calendar/[redacted]");
    expect(redactUrl(`/api/unsubscribe/${token}?kind=digest`)).toBe("/api/unsubscribe/[redacted]");
    const id = "3f2a9c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b";
    expect(redactUrl(`/api/programmes/${id}/match-rounds?limit=25`)).toBe(`/api/programmes/${id}/match-rounds`);
    expect(redactUrl("/api/programmes/spring-mentoring-2027")).toBe("/api/programmes/spring-mentoring-2027");
  });

  it("never carry an invitation token into the request log", async () => {
    const t = await createTestApp();
    try {
      const token = "ZyXwVuTsRqPoNmLkJiHgFeDcBa9876543210_-wxyz";
      const res = await new Client(t.app).get(`/api/invitations/${token}`);
      expect(res.statusCode).toBe(404);
      expect(t.logs.some((line) => line.includes("/api/invitations/[redacted]"))).toBe(true);
      expect(t.logs.join("\n")).not.toContain(token);
    } finally {
      await t.close();
    }
  });
});
