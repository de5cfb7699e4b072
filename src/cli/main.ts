import { Command } from "commander";
import { GROVE_VERSION } from "../server/platform/version.js";
import { registerAdminCreate } from "./commands/admin-create.js";
import { registerDemo } from "./commands/demo.js";
import { registerImportParticipants } from "./commands/import-participants.js";
import { registerMatchRun } from "./commands/match-run.js";
import { registerMatchSolve } from "./commands/match-solve.js";
import { registerMigrate } from "./commands/migrate.js";
import { registerServe } from "./commands/serve.js";

const program = new Command()
  .name("grove")
  .description(
    "Grove: developer mentoring and coaching programmes, self-hosted.\nEvery setting is an environment variable; see docs/operations.md.",
  )
  .version(GROVE_VERSION, "-V, --version-flag", "print the version")
  .showHelpAfterError();

program
  .command("version")
  .description("print Grove's version")
  .action(() => console.log(GROVE_VERSION));

registerServe(program);
registerMigrate(program);
registerAdminCreate(program);
registerImportParticipants(program);
registerDemo(program);
registerMatchSolve(program);
registerMatchRun(program);

await program.parseAsync(process.argv);
