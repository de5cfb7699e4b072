import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpCapture } from "../../test-support/smtp-capture.js";
import { Client, createTestApp, createUserClient, setUpAdmin, type TestApp } from "../../test-support/test-app.js";

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
let admin: Client;
let programmeId: string;

const linkFor = (email: string, nth = -1) => {
  const mails = smtp.messages.filter((m) => m.to.includes(email));
  return /\/invitations\/([\w-]+)/.exec(mails.at(nth)?.text ?? "")?.[1] as string;
};
const sent = async (state?: string) =>
  (await admin.get(`/api/programmes/${programmeId}/invitations${state ? `?state=${state}` : ""}`)).json();

beforeAll(async () => {
  smtp = await startSmtpCapture();
  t = await createTestApp({ GROVE_SMTP_URL: smtp.url });
  admin = await setUpAdmin(t.app);
  programmeId = (await admin.post("/api/programmes", { name: "Invitations kept" })).json().id;
  await admin.post(`/api/programmes/${programmeId}/invitations`, { emails: ["ivy@example.org", "lou@example.org"], role: "mentor" });
  await t.runJobs();
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe("invitations a coordinator sent", () => {
  it("are listed with who sent them and whether they are pending", async () => {
    const page = await sent();
    expect(page.total).toBe(2);
    expect(page.items.map((i: { email: string }) => i.email).sort()).toEqual(["ivy@example.org", "lou@example.org"]);
    expect(page.items[0]).toMatchObject({ role: "mentor", state: "pending", invitedBy: "Ada Admin", acceptedAt: null });
    expect(JSON.stringify(page)).not.toMatch(/token/i);
  });

  it("can be sent again with a new link; the old link stops working", async () => {
    const old = linkFor("ivy@example.org");
    const ivy = (await sent()).items.find((i: { email: string }) => i.email === "ivy@example.org");
    expect((await admin.post(`/api/programmes/${programmeId}/invitations/${ivy.id}/resend`, {})).statusCode).toBe(200);
    await t.runJobs();
    const fresh = linkFor("ivy@example.org");
    expect(fresh).not.toBe(old);
    expect((await new Client(t.app).get(`/api/invitations/${old}`)).statusCode).toBe(404);
    expect((await new Client(t.app).get(`/api/invitations/${fresh}`)).json()).toMatchObject({ email: "ivy@example.org" });
  });

  it("brings an expired invitation back to life for another 14 days", async () => {
    await t.ctx.db.execute(sql`update invitations set expires_at = now() - interval '1 day' where email = 'lou@example.org'`);
    const [lou] = (await sent("expired")).items;
    expect(lou).toMatchObject({ email: "lou@example.org", state: "expired" });
    await admin.post(`/api/programmes/${programmeId}/invitations/${lou.id}/resend`, {});
    expect((await sent("expired")).total).toBe(0);
    expect(
      new Date((await sent("pending")).items.find((i: { email: string }) => i.email === "lou@example.org").expiresAt).getTime(),
    ).toBeGreaterThan(Date.now() + 13 * 86_400_000);
  });

  it("can be revoked, after which the link is invalid; a used one can be neither resent nor revoked", async () => {
    const lou = (await sent()).items.find((i: { email: string }) => i.email === "lou@example.org");
    await t.runJobs();
    const link = linkFor("lou@example.org");
    expect((await admin.delete(`/api/programmes/${programmeId}/invitations/${lou.id}`)).statusCode).toBe(200);
    expect((await new Client(t.app).get(`/api/invitations/${link}`)).statusCode).toBe(404);
    expect((await admin.delete(`/api/programmes/${programmeId}/invitations/${lou.id}`)).statusCode).toBe(404);

    const ivy = (await sent()).items.find((i: { email: string }) => i.email === "ivy@example.org");
    await t.ctx.db.execute(sql`update invitations set accepted_at = now() where email = 'ivy@example.org'`);
    const resend = await admin.post(`/api/programmes/${programmeId}/invitations/${ivy.id}/resend`, {});
    expect(resend.statusCode).toBe(409);
    expect(resend.json().error.code).toBe("invitation_used");
    expect((await admin.delete(`/api/programmes/${programmeId}/invitations/${ivy.id}`)).statusCode).toBe(409);
    expect((await sent("accepted")).items).toHaveLength(1);
  });

  it("are the coordinators' business only", async () => {
    const outsider = await createUserClient(t.app, admin, "eve@example.org");
    expect((await outsider.get(`/api/programmes/${programmeId}/invitations`)).statusCode).toBe(404);
    const other = (await admin.post("/api/programmes", { name: "Somewhere else" })).json();
    const ivy = (await sent()).items[0];
    expect((await admin.post(`/api/programmes/${other.id}/invitations/${ivy.id}/resend`, {})).statusCode).toBe(404);
  });
});
