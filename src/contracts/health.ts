import { z } from "zod";

export const Health = z.object({
  status: z.enum(["ok", "degraded"]),
  version: z.string(),
  database: z.object({
    driver: z.enum(["pglite", "postgres"]),
    reachable: z.boolean(),
    migration: z.object({ applied: z.number().int(), latest: z.string().nullable() }),
  }),
  uptimeSeconds: z.number(),
});

export const Readiness = z.object({
  /** True when this process should get traffic: the database answers and its schema is this release's. */
  ready: z.boolean(),
  database: z.object({
    reachable: z.boolean(),
    migrations: z.object({
      applied: z.number().int(),
      /** Migrations this release ships; fewer applied means it is still migrating (or failed to). */
      expected: z.number().int(),
    }),
  }),
});
