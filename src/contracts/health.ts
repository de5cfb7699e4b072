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
