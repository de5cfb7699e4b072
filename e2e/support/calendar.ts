import fs from "node:fs/promises";
import ICAL from "ical.js";

export type CalendarEvent = { uid: string; sequence: number; start: Date; end: Date; status: string | null; summary: string };
export type Calendar = { method: string | null; events: CalendarEvent[] };

/** Parses iCalendar text with ical.js, the way a calendar app reads it: METHOD and every VEVENT. */
export function parseCalendar(text: string): Calendar {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const method = calendar.getFirstPropertyValue("method");
  const events = calendar.getAllSubcomponents("vevent").map((v) => {
    const event = new ICAL.Event(v);
    const status = v.getFirstPropertyValue("status");
    return {
      uid: event.uid,
      sequence: event.sequence,
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      status: status === null ? null : String(status),
      summary: event.summary,
    };
  });
  return { method: method === null ? null : String(method), events };
}

/**
 * The text/calendar part of an .eml file written by the server, decoded — the part a mail
 * client hands to the calendar. Fails when the message has none.
 */
export async function calendarPartOf(file: string): Promise<string> {
  const found = leafParts(await readEml(file)).find((part) => /^text\/calendar/i.test(part.type));
  if (!found) throw new Error(`${file} has no text/calendar part`);
  return found.text;
}

/** Every part of an .eml file, decoded and joined: what any reader of the message could see. */
export async function decodedMessage(file: string): Promise<string> {
  const raw = await readEml(file);
  const head = raw.slice(0, raw.indexOf("\n\n"));
  return [head, ...leafParts(raw).map((part) => part.text)].join("\n");
}

const readEml = async (file: string) => (await fs.readFile(file, "utf8")).replace(/\r\n/g, "\n");

/** Walks a MIME entity down to its leaves (text, calendar, attachments), each decoded. */
function leafParts(entity: string): { type: string; text: string }[] {
  const split = entity.indexOf("\n\n");
  const head = (split < 0 ? entity : entity.slice(0, split)).replace(/\n[ \t]+/g, " ");
  const body = split < 0 ? "" : entity.slice(split + 2);
  const header = (name: string) => head.match(new RegExp(`^${name}:\\s*(.*)$`, "im"))?.[1]?.trim() ?? "";
  const type = header("Content-Type") || "text/plain";
  if (/^multipart\//i.test(type)) {
    const boundary = type.match(/boundary="?([^";]+)"?/i)?.[1];
    if (!boundary) return [];
    // Parts sit between "--boundary" lines; the first piece is the preamble, "--boundary--" ends them.
    const parts: { type: string; text: string }[] = [];
    for (const part of body.split(`--${boundary}`).slice(1)) {
      if (part.startsWith("--")) break;
      parts.push(...leafParts(part.replace(/^\n/, "")));
    }
    return parts;
  }
  const encoding = header("Content-Transfer-Encoding").toLowerCase();
  let text = body;
  if (encoding === "base64") text = Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  else if (encoding === "quoted-printable")
    text = Buffer.from(
      body.replace(/=\n/g, "").replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
      "latin1",
    ).toString("utf8");
  return [{ type, text }];
}
