import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { answerBlock, type Mac, type ParsedLink, parseLink, signLink, verifyLink } from "./signed-link.js";

/** Parses a token a test knows is well formed. */
const parsed = (token: string): ParsedLink => {
  const p = parseLink(token);
  if (!p) throw new Error(`malformed: ${token}`);
  return p;
};

// The server's MAC: HMAC-SHA256 with the invitation's key over the payload, the survey and the person.
const macFor =
  (key: string, surveyId: string, userId: string): Mac =>
  (payload) =>
    createHmac("sha256", key).update(payload).update(`|${surveyId}|${userId}`).digest();

const invitationId = "6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b";
const expiresAt = new Date("2027-05-10T08:00:00Z");
const now = new Date("2027-05-03T09:00:00Z");
const mac = macFor("k".repeat(43), "survey-1", "user-1");
const token = signLink({ invitationId, expiresAt }, mac);

describe("signed survey links", () => {
  it("round-trips: the token names its invitation and expiry and checks out with the right key", () => {
    expect(token).toMatch(/^[\w-]{48}$/); // one plain URL path segment
    expect(parseLink(token)).toMatchObject({ invitationId, expiresAt });
    expect(verifyLink(parsed(token), mac, now)).toBe("ok");
  });

  it("is refused once expired", () => {
    expect(verifyLink(parsed(token), mac, expiresAt)).toBe("expired");
  });

  it("is refused when any byte is altered — the expiry stretched, the invitation swapped, the signature changed", () => {
    const bytes = Buffer.from(token, "base64url");
    const later = Buffer.from(bytes);
    later.writeUInt32BE(later.readUInt32BE(16) + 86_400 * 30, 16);
    const other = Buffer.from(bytes);
    other[0] ^= 1;
    const flipped = Buffer.from(bytes);
    flipped[30] ^= 1;
    for (const altered of [later, other, flipped].map((b) => b.toString("base64url"))) {
      expect(verifyLink(parsed(altered), mac, now), altered).toBe("altered");
    }
  });

  it("is bound to one person and one survey: the same token fails for anyone else's invitation", () => {
    const link = parsed(token);
    expect(verifyLink(link, macFor("k".repeat(43), "survey-1", "user-2"), now)).toBe("altered");
    expect(verifyLink(link, macFor("k".repeat(43), "survey-2", "user-1"), now)).toBe("altered");
    expect(verifyLink(link, macFor("another key", "survey-1", "user-1"), now)).toBe("altered");
  });

  it("reads nothing from malformed tokens", () => {
    for (const bad of ["", "abc", "a.b.c", `${token}AA`, token.slice(0, -4), "!!!!????"]) expect(parseLink(bad), bad).toBeNull();
  });

  it("cannot be reused once answered, nor after the survey closes", () => {
    const closesAt = new Date("2027-05-10T08:00:00Z");
    expect(answerBlock({ answeredAt: null, closesAt }, { status: "active" }, now)).toBeNull();
    expect(answerBlock({ answeredAt: now, closesAt }, { status: "active" }, now)).toBe("answered");
    expect(answerBlock({ answeredAt: null, closesAt }, { status: "closed" }, now)).toBe("closed");
    expect(answerBlock({ answeredAt: null, closesAt }, { status: "active" }, closesAt)).toBe("closed");
  });
});
