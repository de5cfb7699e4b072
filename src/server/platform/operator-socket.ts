import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import type { Logger } from "pino";
import type { Database } from "./db.js";
import { migrationLevel } from "./db.js";

/**
 * The operator's door into a running server on the embedded database. PGlite lets one
 * process open a data directory, so while `grove serve` holds it, CLI commands that only
 * read (`grove status`, `grove backup`) ask that server instead, over a Unix socket in the
 * data directory. The socket is mode 0600: only the account that runs Grove — which can read
 * the database files anyway — may connect. It is never on the network, and a server on
 * PostgreSQL has none (every process can open that database itself).
 */
export const operatorSocketPath = (dataDir: string) => path.join(dataDir, "grove.sock");

/** Linux's limit on a socket path (sun_path) is 108 bytes, with the terminating NUL. */
const MAX_SOCKET_PATH = 107;

export type ServerStatus = {
  pid: number;
  version: string;
  url: string;
  startedAt: string;
  uptimeSeconds: number;
  driver: Database["driver"];
  migration: { applied: number; latest: string | null };
  memory: { rssBytes: number; heapUsedBytes: number };
};

export type OperatorSocket = { close(): Promise<void> };

type Serving = { dataDir: string; database: Database; logger: Logger; version: string; url: string; startedAt: number };

/** Listens on `<dataDir>/grove.sock`. The caller holds the data-dir lock, so a socket file already there is a dead server's. */
export async function startOperatorSocket(s: Serving): Promise<OperatorSocket | undefined> {
  const file = operatorSocketPath(s.dataDir);
  if (Buffer.byteLength(file) > MAX_SOCKET_PATH) {
    s.logger.warn(
      { socket: file },
      "data directory path too long for the operator socket: grove status and grove backup cannot reach this server",
    );
    return undefined;
  }
  fs.rmSync(file, { force: true });
  const server = http.createServer((req, res) => {
    handle(s, req.method ?? "", req.url ?? "", res).catch((err) => {
      s.logger.error({ err, operation: req.url }, "operator request failed");
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end("the server could not do that; its log has the reason");
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(file, () => resolve());
    });
    fs.chmodSync(file, 0o600);
  } catch (err) {
    // Serving matters more than the side door: say so and carry on without it.
    s.logger.warn({ err, socket: file }, "could not open the operator socket: grove status and grove backup cannot reach this server");
    server.close();
    return undefined;
  }
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          fs.rmSync(file, { force: true });
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}

async function handle(s: Serving, method: string, url: string, res: http.ServerResponse) {
  if (method === "GET" && url === "/status") {
    const memory = process.memoryUsage();
    const status: ServerStatus = {
      pid: process.pid,
      version: s.version,
      url: s.url,
      startedAt: new Date(s.startedAt).toISOString(),
      uptimeSeconds: Math.round((Date.now() - s.startedAt) / 1000),
      driver: s.database.driver,
      migration: await migrationLevel(s.database.db),
      memory: { rssBytes: memory.rss, heapUsedBytes: memory.heapUsed },
    };
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(status));
    return;
  }
  if (method === "GET" && url === "/backup" && s.database.dumpCluster) {
    const started = Date.now();
    const bytes = new Uint8Array(await (await s.database.dumpCluster()).arrayBuffer());
    s.logger.info({ bytes: bytes.length, ms: Date.now() - started }, "backup taken for grove backup");
    res.writeHead(200, { "content-type": "application/gzip", "content-length": bytes.length }).end(bytes);
    return;
  }
  res.writeHead(404, { "content-type": "text/plain" }).end("no such operation");
}

export type Answer = { status: number; body: Buffer };

/** Asks the server holding `dataDir`; undefined when nothing answers on its socket. */
export function askRunningServer(dataDir: string, what: "/status" | "/backup", timeoutMs = 120_000): Promise<Answer | undefined> {
  const socketPath = operatorSocketPath(dataDir);
  if (!fs.existsSync(socketPath)) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const req = http.get({ socketPath, path: what, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`the running server did not answer within ${timeoutMs / 1000} s`)));
    req.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code === "ECONNREFUSED" || err.code === "ENOENT") resolve(undefined);
      else reject(err);
    });
  });
}
