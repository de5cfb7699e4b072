import type { CommandSpec } from "../command-spec.js";

/**
 * Every `grove` command. To add one: write `commands/<verb-noun>.ts` exporting
 * `run(...)`, then add a line here with what --help shows and a lazy `load`. Keep
 * imports out of this file (commander types only): it is loaded on every invocation.
 */
export const groups: Record<string, string> = {
  admin: "manage instance admins",
  import: "import data from files",
  match: "run the matching engine",
};

export const commands: CommandSpec[] = [
  {
    name: "serve",
    define: (c) => c.description("migrate the database and serve the API and web app (PORT, default 3000)"),
    load: () => import("./serve.js"),
  },
  {
    name: "migrate",
    define: (c) => c.description("apply pending database migrations and exit (serve does this too)"),
    load: () => import("./migrate.js"),
  },
  {
    name: "status",
    define: (c) =>
      c
        .description(
          "print the database, its migration level and whether a server is running (asks the server when it holds the data directory)",
        )
        .option("--json", "print it as JSON"),
    load: () => import("./status.js"),
  },
  {
    name: "backup",
    define: (c) =>
      c
        .description("write a backup of the database to FILE (online: a running server on the embedded database makes it)")
        .argument("<FILE>", "where to write the backup; an existing file is not overwritten"),
    load: () => import("./backup.js"),
  },
  {
    name: "restore",
    define: (c) =>
      c
        .description("restore a backup made by `grove backup` into a new data directory (or an empty PostgreSQL database)")
        .argument("<FILE>", "the backup file"),
    load: () => import("./restore.js"),
  },
  {
    name: "admin create",
    define: (c) =>
      c
        .description("create an instance admin account (password from GROVE_ADMIN_PASSWORD or a prompt)")
        .requiredOption("--email <email>", "the admin's email address")
        .requiredOption("--name <name>", "the admin's full name"),
    load: () => import("./admin-create.js"),
  },
  {
    name: "import participants",
    define: (c) =>
      c
        .description("import participants from a CSV file (columns: email, name, role, then one per question key)")
        .argument("<file>", "the CSV file (UTF-8, with or without BOM)")
        .requiredOption("--programme <slug>", "the programme's slug, as in its URL")
        .option("--dry-run", "check the file and report every problem, writing nothing")
        .option("--json", "print the report as JSON")
        .option("--as <email>", "act as this coordinator (default: the first instance admin)"),
    load: () => import("./import-participants.js"),
  },
  {
    name: "demo",
    define: (c) =>
      c
        .description("create a mentoring and a coaching programme filled with fictional people, to try Grove out (run again for more)")
        .option("--as <email>", "the coordinator who owns them (default: the first instance admin)"),
    load: () => import("./demo.js"),
  },
  {
    name: "match solve",
    define: (c) =>
      c
        .description("find the assignment that matches the most mentees with the highest total score")
        .argument("<PROBLEM.json>", "problem file: mentees, mentors (id, capacity), edges [mentee, mentor, score]")
        .option("--json", "print the full result as JSON"),
    load: () => import("./match-solve.js"),
  },
  {
    name: "match run",
    define: (c) =>
      c
        .description("run a matching round over a programme's approved pool and print its summary (a draft unless --publish)")
        .requiredOption("--programme <slug>", "the programme's slug, as in its URL")
        .option("--publish", "publish the round at once: create the pairs and email everyone in it")
        .option("--json", "print the round (and what publishing did) as JSON")
        .option("--as <email>", "act as this coordinator (default: the first instance admin)"),
    load: () => import("./match-run.js"),
  },
];
