import { defineConfig } from "drizzle-kit";

// `npm run db:generate` writes a new SQL migration from schema changes; commit it.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/server/schema.ts",
  out: "./migrations",
});
