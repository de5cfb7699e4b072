import { timingSafeEqual } from "node:crypto";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { Database } from "./db.js";
import { queryRows } from "./db.js";

/**
 * Prometheus metrics for one Grove process. Labels are chosen so that no id, email or
 * query string can ever become one: HTTP requests are labelled by the route *pattern*
 * (`/api/programmes/:id`, never the id), jobs by their name, nothing else by anything a
 * person typed. Each app has its own registry (tests build many apps in one process).
 */
export type Metrics = ReturnType<typeof createMetrics>;

export function createMetrics() {
  const registry = new Registry();
  return {
    registry,
    httpRequests: new Histogram({
      name: "grove_http_request_duration_seconds",
      help: "HTTP requests by method, route pattern and status: count (rate) and latency",
      labelNames: ["method", "route", "status_code"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    jobsFinished: new Counter({
      name: "grove_jobs_finished_total",
      help: "Job attempts this process ran, by job name and outcome (done, retry, failed for good)",
      labelNames: ["job", "outcome"] as const,
      registers: [registry],
    }),
    mail: new Counter({
      name: "grove_mail_total",
      help: "Emails this process tried to send, by outcome (sent, failed)",
      labelNames: ["outcome"] as const,
      registers: [registry],
    }),
  };
}

/** The gauges read at scrape time: the job queue (shared by every process) and this process's database pool. */
function registerScrapeGauges(metrics: Metrics, database: Database) {
  new Gauge({
    name: "grove_jobs_queued",
    help: "Jobs waiting in the queue (all processes): due now, scheduled for later, running (leased), and failed for good in the last day",
    labelNames: ["state"] as const,
    registers: [metrics.registry],
    async collect() {
      const [row] = await queryRows<{ due: number; later: number; running: number; failed: number }>(
        database.db,
        sql`select
          count(*) filter (where completed_at is null and failed_at is null and run_at <= now() and (locked_until is null or locked_until < now()))::int as due,
          count(*) filter (where completed_at is null and failed_at is null and run_at > now())::int as later,
          count(*) filter (where completed_at is null and failed_at is null and locked_until >= now())::int as running,
          count(*) filter (where failed_at > now() - interval '1 day')::int as failed
        from jobs`,
      );
      this.set({ state: "due" }, row.due);
      this.set({ state: "scheduled" }, row.later);
      this.set({ state: "running" }, row.running);
      this.set({ state: "failed_last_day" }, row.failed);
    },
  });
  new Gauge({
    name: "grove_db_pool_connections",
    help: "Database connections of this process: open in total, idle, and requests waiting for one",
    labelNames: ["state"] as const,
    registers: [metrics.registry],
    collect() {
      const stats = database.poolStats();
      this.set({ state: "total" }, stats.total);
      this.set({ state: "idle" }, stats.idle);
      this.set({ state: "waiting" }, stats.waiting);
    },
  });
}

/**
 * Times every request (routes added later included) and, when a metrics token is set,
 * serves `GET /metrics` to `Authorization: Bearer <token>`. Without a token the route
 * answers 404, as if it did not exist.
 */
export function registerMetrics(app: FastifyInstance, metrics: Metrics, database: Database, token: string | undefined) {
  app.addHook("onResponse", async (req, reply) => {
    // The pattern, never the URL. Unknown addresses (and the web app's deep links, answered
    // by the fallback) share one label; the web app's own files share another.
    const pattern = req.routeOptions.url;
    const route = pattern === undefined ? "unmatched" : pattern.startsWith("/api/") || pattern === "/metrics" ? pattern : "web";
    metrics.httpRequests.observe({ method: req.method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  if (token) {
    registerScrapeGauges(metrics, database);
    collectDefaultMetrics({ register: metrics.registry, prefix: "grove_" });
  }
  const expected = Buffer.from(`Bearer ${token ?? ""}`);
  app.get("/metrics", { schema: { hide: true }, logLevel: "warn" }, async (req, reply) => {
    if (!token) return reply.code(404).send({ error: { code: "not_found", message: "There is no GET /metrics in Grove." } });
    const given = Buffer.from(req.headers.authorization ?? "");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return reply
        .code(401)
        .header("www-authenticate", 'Bearer realm="grove-metrics"')
        .send({ error: { code: "unauthenticated", message: "Send the metrics token as Authorization: Bearer …" } });
    }
    return reply.header("content-type", metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}
