import fs from "node:fs/promises";
import path from "node:path";

export type Mail = { file: string; to: string; subject: string; text: string };

/** Messages the server wrote to <dataDir>/mail (no SMTP configured), oldest first. */
export async function readMailbox(dataDir: string): Promise<Mail[]> {
  const dir = path.join(dataDir, "mail");
  const files = (await fs.readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith(".eml")).sort();
  return Promise.all(files.map(async (file) => parseEml(path.join(dir, file), await fs.readFile(path.join(dir, file), "utf8"))));
}

/** Waits for a message to the address to be written; mail is sent after the response. */
export async function waitForMail(dataDir: string, to: string, timeoutMs = 20_000): Promise<Mail> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = (await readMailbox(dataDir)).filter((mail) => mail.to.toLowerCase().includes(to.toLowerCase()));
    if (found.length > 0) return found[found.length - 1];
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`No mail to ${to} appeared in ${path.join(dataDir, "mail")}`);
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
