import type { TestProject } from "vitest/node";
import { ensureBuilt } from "../../../scripts/build.js";
import { pgliteClusterTemplate } from "../platform/install-paths.js";

/**
 * Before the integration tests: the compiled build that tests of real `grove` processes run
 * (server and the new-database template), rebuilt only when its sources changed. Every test
 * file's in-memory PGlite then starts as a copy of that template — initdb and the migrations
 * done once by the build — instead of seconds of initdb each.
 */
export default async function setup(project: TestProject) {
  await ensureBuilt({ only: ["server", "cluster"], log: (m) => console.log(m) });
  project.provide("pgliteTemplate", pgliteClusterTemplate);
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}
