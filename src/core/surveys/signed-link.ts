/**
 * One-click survey links: answerable without signing in, so the link itself is the proof.
 * A token carries the invitation it belongs to and when it expires, and a MAC over both
 * made with that invitation's own key — and, inside the MAC only, the survey and the person
 * the invitation is for. Changing any byte, or presenting it for another survey or person,
 * fails the check; the expiry cannot be stretched. Once the invitation is answered the
 * link is spent. The HMAC itself is the server's (node:crypto); this module only lays out
 * the bytes and decides.
 */

/** HMAC-SHA256 of a message with the invitation's key, bound to its survey and person. */
export type Mac = (message: Uint8Array) => Uint8Array;

export type LinkClaims = { invitationId: string; expiresAt: Date };

const MAC_BYTES = 16; // 128 bits: plenty against forgery, and short enough for a URL path segment.
const PAYLOAD_BYTES = 16 + 4;

function uuidToBytes(id: string): Uint8Array {
  const hex = id.replace(/-/g, "");
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error("not a uuid");
  return Uint8Array.from({ length: 16 }, (_, i) => Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16));
}

function bytesToUuid(b: Uint8Array): string {
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const toBase64Url = (b: Uint8Array) =>
  btoa(String.fromCharCode(...b))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");

function fromBase64Url(s: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) return null;
  try {
    return Uint8Array.from(atob(s.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

function encodePayload(c: LinkClaims): Uint8Array {
  const out = new Uint8Array(PAYLOAD_BYTES);
  out.set(uuidToBytes(c.invitationId), 0);
  new DataView(out.buffer).setUint32(16, Math.floor(c.expiresAt.getTime() / 1000));
  return out;
}

/** Same length and same bytes, in time that does not depend on where they differ. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

/**
 * One base64url string of the payload followed by the MAC — no separator, so the token is
 * a plain path segment (a dot would look like a file extension to the web server).
 */
export function signLink(claims: LinkClaims, mac: Mac): string {
  const payload = encodePayload(claims);
  const token = new Uint8Array(PAYLOAD_BYTES + MAC_BYTES);
  token.set(payload, 0);
  token.set(mac(payload).subarray(0, MAC_BYTES), PAYLOAD_BYTES);
  return toBase64Url(token);
}

export type ParsedLink = LinkClaims & { payload: Uint8Array; signature: Uint8Array };

/** Reads a token's claims without trusting them yet; null for anything malformed. */
export function parseLink(token: string): ParsedLink | null {
  const bytes = fromBase64Url(token);
  if (!bytes || bytes.length !== PAYLOAD_BYTES + MAC_BYTES) return null;
  const payload = bytes.slice(0, PAYLOAD_BYTES);
  const signature = bytes.slice(PAYLOAD_BYTES);
  const seconds = new DataView(payload.buffer, payload.byteOffset).getUint32(16);
  return { invitationId: bytesToUuid(payload.subarray(0, 16)), expiresAt: new Date(seconds * 1000), payload, signature };
}

export type LinkVerdict = "ok" | "altered" | "expired";

/** Whether a parsed token was made with this MAC (this invitation, survey and person) and is still in date. */
export function verifyLink(link: ParsedLink, mac: Mac, now: Date): LinkVerdict {
  if (!constantTimeEqual(mac(link.payload).subarray(0, MAC_BYTES), link.signature)) return "altered";
  return now.getTime() >= link.expiresAt.getTime() ? "expired" : "ok";
}

/** Why an invitation cannot take an answer, after its link checked out; null when it can. */
export type AnswerBlock = "answered" | "closed";
export function answerBlock(
  invitation: { answeredAt: Date | null; closesAt: Date },
  survey: { status: string },
  now: Date,
): AnswerBlock | null {
  if (invitation.answeredAt) return "answered";
  if (survey.status === "closed" || now.getTime() >= invitation.closesAt.getTime()) return "closed";
  return null;
}
