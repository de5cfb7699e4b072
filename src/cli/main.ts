import { Command } from "commander";
import { GROVE_VERSION } from "../server/platform/version.js";
import { commands, groups } from "./commands/index.js";

// Only commander, the version and the command table load here; each command's own code is
// imported when that command runs (see commands/index.ts).
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

/** The command for `words` under `parent`, created (as a group, when it has a description in `groups`) if missing. */
function subcommand(parent: Command, word: string, description?: string): Command {
  const found = parent.commands.find((c) => c.name() === word);
  if (found) return found;
  const created = parent.command(word);
  if (description) created.description(description);
  return created;
}

for (const spec of commands) {
  const words = spec.name.split(" ");
  let parent = program;
  for (const word of words.slice(0, -1)) parent = subcommand(parent, word, groups[word]);
  spec.define(subcommand(parent, words[words.length - 1])).action(async (...args: unknown[]) => {
    const { run } = await spec.load();
    await (run as (...a: unknown[]) => unknown)(...args);
  });
}

await program.parseAsync(process.argv);
