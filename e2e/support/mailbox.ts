import fs from "node:fs/promises";
import path from "node:path";

export type Mail = { file: string; to: string; subject: string; text: string };

/** Messages the server wrote to <dataDir>/mail (no SMTP configured), oldest first. */
export async function readMailbox(dataDir: string): Promise<Mail[]> {
  const dir = path.join(dataDir, "mail");
  const files = (await fs.readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith(".eml")).sort();
  return Promise.all(files.map(async (file) => parseEml(path.join(dir, file), await fs.readFile(path.join(dir, file), "utf8"))));
}

/** What a wait looks for: mail to this address, with this subject, written after a mark. */
export type MailQuery = { to: string; subject?: string | RegExp; since?: MailMark };
/** The mailbox as it stood at one moment: a wait with `since` ignores everything in it. */
export type MailMark = ReadonlySet<string>;

/** Marks the mailbox now, so a later wait matches only mail written after this point. */
export async function markMailbox(dataDir: string): Promise<MailMark> {
  return new Set((await readMailbox(dataDir)).map((m) => m.file));
}

const matches = (mail: Mail, q: MailQuery) =>
  mail.to.toLowerCase().includes(q.to.toLowerCase()) &&
  !q.since?.has(mail.file) &&
  (q.subject === undefined || (typeof q.subject === "string" ? mail.subject === q.subject : q.subject.test(mail.subject)));

/**
 * Waits until `count` messages match the query (mail is sent by the job worker, after the
 * response) and returns them oldest first. Matching on the subject, not just the address,
 * is what keeps a wait from picking up an earlier message to the same person.
 */
export async function waitForMails(dataDir: string, query: MailQuery, count: number, timeoutMs = 20_000): Promise<Mail[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await readMailbox(dataDir)).filter((mail) => matches(mail, query));
    if (found.length >= count) return found;
    if (Date.now() > deadline) {
      const want = query.subject === undefined ? "" : ` with subject ${String(query.subject)}`;
      throw new Error(`Only ${found.length} of ${count} mails to ${query.to}${want} appeared in ${path.join(dataDir, "mail")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits for the one message the query describes; more than one match is a test error, not a pick. */
export async function waitForMail(dataDir: string, query: MailQuery, timeoutMs = 20_000): Promise<Mail> {
  const [mail, ...more] = await waitForMails(dataDir, query, 1, timeoutMs);
  if (more.length > 0)
    throw new Error(`${more.length + 1} mails match ${JSON.stringify({ ...query, since: undefined })}; narrow the query`);
  return mail;
}

function parseEml(file: string, raw: string): Mail {
  const normalised = raw.replace(/\r\n/g, "\n");
  const split = normalised.indexOf("\n\n");
  const head = normalised.slice(0, split).replace(/\n[ \t]+/g, " ");
  const body = normalised.slice(split + 2);
  const header = (name: string) => head.match(new RegExp(`^${name}:\\s*(.*)$`, "im"))?.[1]?.trim() ?? "";
  const encoding = header("Content-Transfer-Encoding").toLowerCase();
  let text = body;
  if (encoding === "quoted-printable") text = decodeQuotedPrintable(body);
  else if (encoding === "base64") text = Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  return { file, to: header("To"), subject: header("Subject"), text };
}

function decodeQuotedPrintable(body: string): string {
  const bytes = body
    .replace(/=\n/g, "")
    .replace(/=([0-9A-F]{2})/gi, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}
