/**
 * Many people using Grove at once: a real `grove serve` process and 200 concurrent clients
 * for 60 seconds, over HTTP on this machine. Prints figures; asserts nothing.
 *
 *   npx tsx bench/load.ts                       # PGlite in a temporary data directory
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/load.ts
 *                                               # a scratch database on that server, dropped after
 *   npx tsx bench/load.ts --clients 200 --seconds 60 --pairs 60
 *
 * The data: one running mentoring programme with `pairs` live pairs (mentors and mentees
 * created with passwords, enrolled by CSV import, paired by hand, a few sessions and a goal
 * each), its coordinator, and the admin. Three in four clients are participants opening
 * their pages (session, programme list, their enrolment, the workspace overview, sessions,
 * goals); one in four is a coordinator (programme, participant directory, pairs, pairs
 * health). Each client opens one page after another with no think time; a page is its
 * requests in sequence, as the web app sends them. A request with no answer in 10 s counts
 * as a timeout. Rate limits are raised for the run: one process, one loopback address.
 *
 * The client runs on the same cores as the server, so the figures are a floor, and the
 * machine's load average before and after is printed: other work skews them.
 */
import http from "node:http";
import os from "node:os";
import { ensureBuilt } from "../scripts/build.js";
import { spawnGrove } from "../src/server/test-support/spawn-grove.js";
import { createScratchPostgres } from "../src/server/test-support/test-database.js";
import { GENEROUS_TEST_LIMITS } from "../src/server/test-support/test-limits.js";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const CLIENTS = arg("clients", 200);
const SECONDS = arg("seconds", 60);
const PAIRS = arg("pairs", 60);
const TIMEOUT_MS = 10_000;
const PASSWORD = "load test password here";
const METRICS_TOKEN = "load-bench-metrics-token";

type Session = { cookie: string; csrf: string };

let base = "";
// Persistent connections, one per client, as a browser keeps them. (fetch's pool, under a
// saturated server, dropped and re-opened connections and reported timeouts for requests
// the server never saw; a plain keep-alive agent measures the server.)
const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });

// biome-ignore lint/suspicious/noExplicitAny: a benchmark reading the JSON it asked for
type Answer = { status: number; json: any; setCookie: string | undefined };

function call(method: string, path: string, session?: Session, body?: unknown, timeoutMs = 60_000): Promise<Answer> {
  const payload = body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body);
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        agent,
        headers: {
          ...(payload !== undefined ? { "content-type": typeof body === "string" ? "text/csv" : "application/json" } : {}),
          ...(session ? { cookie: session.cookie, "x-csrf-token": session.csrf } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          clearTimeout(timer);
          const text = Buffer.concat(chunks).toString("utf8");
          const cookie = res.headers["set-cookie"]?.[0];
          resolve({ status: res.statusCode ?? 0, json: /^[[{]/.test(text) ? JSON.parse(text) : undefined, setCookie: cookie });
        });
      },
    );
    const timer = setTimeout(() => req.destroy(Object.assign(new Error("no answer in time"), { name: "TimeoutError" })), timeoutMs);
    req.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    req.end(payload);
  });
}

async function signIn(email: string, password: string): Promise<Session> {
  const r = await call("POST", "/api/auth/sign-in", undefined, { email, password });
  if (r.status !== 200) throw new Error(`sign-in ${email}: ${r.status} ${JSON.stringify(r.json)}`);
  const cookie = (r.setCookie ?? "").split(";")[0];
  return { cookie, csrf: r.json.csrfToken };
}

const must = async (p: Promise<{ status: number; json: unknown }>, what: string, ok = [200, 201, 204]) => {
  const r = await p;
  if (!ok.includes(r.status)) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json as Record<string, unknown> & { id: string; version: number };
};

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function seed() {
  const admin = { email: "admin@load.test", name: "Load Admin", password: PASSWORD };
  await must(call("POST", "/api/setup", undefined, admin), "setup");
  const adminSession = await signIn(admin.email, PASSWORD);
  let programme = await must(
    call("POST", "/api/programmes", adminSession, { name: "Load cohort", acceptance: "auto", termStart: day(-21), termEnd: day(63) }),
    "programme",
  );
  const people: { email: string; role: "mentor" | "mentee" }[] = [];
  for (let i = 0; i < PAIRS; i++)
    people.push({ email: `mentor${i}@load.test`, role: "mentor" }, { email: `mentee${i}@load.test`, role: "mentee" });
  for (const p of people)
    await must(call("POST", "/api/users", adminSession, { email: p.email, name: p.email.split("@")[0], password: PASSWORD }), "user");
  const header = "email,name,role,years_experience,skills,offers,seeks,timezone,languages,capacity";
  const rows = people.map((p) =>
    p.role === "mentor"
      ? `${p.email},${p.email.split("@")[0]},mentor,10,Go:5,technical skills,,Europe/London,English,1`
      : `${p.email},${p.email.split("@")[0]},mentee,1,Go:2,,technical skills,Europe/London,English,`,
  );
  const imported = await must(
    call("POST", `/api/programmes/${programme.id}/imports`, adminSession, [header, ...rows].join("\n")),
    "import",
  );
  if ((imported.errors as unknown[]).length) throw new Error(`import: ${JSON.stringify(imported.errors)}`);
  for (const status of ["open", "matching", "running"]) {
    programme = await must(
      call("POST", `/api/programmes/${programme.id}/status`, adminSession, { status, version: programme.version }),
      status,
    );
  }
  const directory = await must(call("GET", `/api/programmes/${programme.id}/enrolments?limit=100&sort=email`, adminSession), "directory");
  const all = [...(directory.items as { id: string; email: string }[])];
  for (let offset = 100; offset < people.length; offset += 100) {
    const page = await must(
      call("GET", `/api/programmes/${programme.id}/enrolments?limit=100&sort=email&offset=${offset}`, adminSession),
      "page",
    );
    all.push(...(page.items as { id: string; email: string }[]));
  }
  const enrolment = new Map(all.map((e) => [e.email, e.id]));
  const participants: { session: Session; relationshipId: string; programmeId: string }[] = [];
  for (let i = 0; i < PAIRS; i++) {
    const pair = await must(
      call("POST", `/api/programmes/${programme.id}/relationships`, adminSession, {
        menteeEnrolmentId: enrolment.get(`mentee${i}@load.test`),
        mentorEnrolmentId: enrolment.get(`mentor${i}@load.test`),
      }),
      "pair",
    );
    const mentee = await signIn(`mentee${i}@load.test`, PASSWORD);
    const mentor = await signIn(`mentor${i}@load.test`, PASSWORD);
    const rel = (pair.relationship as { id: string } | undefined)?.id ?? pair.id;
    await must(
      call("POST", `/api/relationships/${rel}/sessions`, mentee, {
        date: day(3),
        startTime: "10:00",
        timeZone: "Europe/London",
        repeat: { frequency: "weekly", count: 4 },
      }),
      "sessions",
    );
    await must(
      call("POST", `/api/relationships/${rel}/goals`, mentee, { title: "Ship a Go service", options: "Pair on it weekly" }),
      "goal",
    );
    participants.push(
      { session: mentee, relationshipId: rel, programmeId: programme.id },
      { session: mentor, relationshipId: rel, programmeId: programme.id },
    );
  }
  return { adminSession, programmeId: programme.id as string, participants };
}

type Page = string[];
const participantPages = (p: { relationshipId: string; programmeId: string }): Page[] => [
  ["/api/auth/session", "/api/programmes", `/api/programmes/${p.programmeId}/my-enrolment`],
  [
    `/api/relationships/${p.relationshipId}`,
    `/api/relationships/${p.relationshipId}/overview`,
    `/api/relationships/${p.relationshipId}/sessions`,
  ],
  [`/api/relationships/${p.relationshipId}/goals`, `/api/relationships/${p.relationshipId}/action-items`],
];
const coordinatorPages = (programmeId: string): Page[] => [
  ["/api/auth/session", `/api/programmes/${programmeId}`, `/api/programmes/${programmeId}/enrolments?limit=25&sort=name`],
  [`/api/programmes/${programmeId}/relationships`, `/api/programmes/${programmeId}/pairs-health`],
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function main() {
  // --url: load a fresh server someone started by hand (e.g. under `node --cpu-prof bin/grove.js serve`).
  const given = process.argv.includes("--url") ? process.argv[process.argv.indexOf("--url") + 1] : undefined;
  const onPostgres = Boolean(process.env.DATABASE_URL);
  if (!given) await ensureBuilt({ only: ["server", "cluster"] }); // spawnGrove runs the compiled build
  const scratch = onPostgres && !given ? await createScratchPostgres("grove_load") : undefined;
  const dataDir = await import("node:fs").then((fs) => fs.mkdtempSync(`${os.tmpdir()}/grove-load-`));
  const server = given
    ? { url: given, stop: async () => {} }
    : await spawnGrove({
        GROVE_DATA_DIR: dataDir,
        GROVE_LOG_LEVEL: "warn",
        ...GENEROUS_TEST_LIMITS,
        GROVE_METRICS_TOKEN: METRICS_TOKEN,
        ...(scratch ? { DATABASE_URL: scratch.url, GROVE_DB_POOL_SIZE: process.env.GROVE_DB_POOL_SIZE ?? "10" } : {}),
      });
  base = server.url;
  try {
    console.log(`seeding ${PAIRS} pairs on ${onPostgres ? "PostgreSQL" : "PGlite"}…`);
    const { adminSession, programmeId, participants } = await seed();
    const coordinators = Array.from({ length: Math.ceil(CLIENTS / 4) }, () => adminSession);
    const clients = Array.from({ length: CLIENTS }, (_, i) =>
      i % 4 === 3
        ? { session: coordinators[i % coordinators.length], pages: coordinatorPages(programmeId) }
        : { session: participants[i % participants.length].session, pages: participantPages(participants[i % participants.length]) },
    );

    const latencies: number[] = [];
    let timeouts = 0;
    let errors = 0;
    const statuses = new Map<number, number>();
    const timedOutPaths = new Map<string, number>();
    const timeoutAt: number[] = [];
    const loadBefore = os.loadavg();
    const started = performance.now();
    const deadline = started + SECONDS * 1000;
    await Promise.all(
      clients.map(async (client, c) => {
        let n = c;
        while (performance.now() < deadline) {
          const page = client.pages[n++ % client.pages.length];
          for (const path of page) {
            const t0 = performance.now();
            try {
              const r = await call("GET", path, client.session, undefined, TIMEOUT_MS);
              latencies.push(performance.now() - t0);
              statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
              if (r.status >= 400) errors++;
            } catch (err) {
              if ((err as Error).name === "TimeoutError") {
                timeouts++;
                timeoutAt.push(Math.round((t0 - started) / 1000));
                const key = path.replace(/[0-9a-f-]{36}/g, ":id").split("?")[0];
                timedOutPaths.set(key, (timedOutPaths.get(key) ?? 0) + 1);
              } else errors++;
            }
            if (performance.now() >= deadline) break;
          }
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    // The server's own view: how long it took from request received to response sent.
    const metrics = await new Promise<string>((resolve, reject) =>
      http
        .get(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } }, (res) => {
          let text = "";
          res.on("data", (c) => (text += c));
          res.on("end", () => resolve(text));
        })
        .on("error", reject),
    );
    const bucket = (le: string) =>
      metrics
        .split("\n")
        .filter(
          (l) => l.startsWith("grove_http_request_duration_seconds_bucket{") && l.includes(`le="${le}"`) && l.includes('method="GET"'),
        )
        .reduce((sum, l) => sum + Number(l.split(" ").at(-1)), 0);
    const serverTotal = bucket("+Inf");
    const sorted = latencies.sort((a, b) => a - b);
    const loadAfter = os.loadavg();
    const ms = (v: number) => `${v.toFixed(0)} ms`;
    console.log(
      [
        `database        ${onPostgres ? `PostgreSQL (pool ${process.env.GROVE_DB_POOL_SIZE ?? 10})` : "PGlite"}`,
        `clients         ${CLIENTS} for ${elapsed.toFixed(1)} s (3/4 participants, 1/4 coordinator)`,
        `requests        ${sorted.length} answered, ${(sorted.length / elapsed).toFixed(0)} req/s`,
        `latency         p50 ${ms(percentile(sorted, 50))}  p95 ${ms(percentile(sorted, 95))}  p99 ${ms(percentile(sorted, 99))}  max ${ms(sorted.at(-1) ?? 0)}`,
        `timeouts        ${timeouts} (no answer in ${TIMEOUT_MS / 1000} s)${timeouts ? `: ${[...timedOutPaths].map(([p, k]) => `${p} ×${k}`).join(", ")}` : ""}`,
        ...(process.env.BENCH_DEBUG ? [`timeouts sent at (s): ${timeoutAt.join(" ")}`] : []),
        `server side     ${serverTotal} requests; ${serverTotal - bucket("1")} took over 1 s, ${serverTotal - bucket("10")} over 10 s (received to sent)`,
        `errors          ${errors} (statuses: ${[...statuses].map(([s, k]) => `${s}×${k}`).join(", ")})`,
        `machine         ${os.cpus().length} cores; load average ${loadBefore.map((l) => l.toFixed(2)).join(" ")} before, ${loadAfter.map((l) => l.toFixed(2)).join(" ")} after`,
      ].join("\n"),
    );
  } finally {
    await server.stop();
    await scratch?.drop();
    await import("node:fs").then((fs) => fs.rmSync(dataDir, { recursive: true, force: true }));
  }
}

await main();
