import type { Command } from "commander";

/**
 * One `grove` command, described without loading it. `define` adds what `--help` shows
 * (description, arguments, options) using commander alone; `load` imports the module that
 * does the work only when this command runs, so `grove version` never pays for the server,
 * the database drivers or the matching engine.
 */
export type CommandSpec = {
  /** The words after `grove`, e.g. "match solve". Earlier words are groups (see `groups`). */
  name: string;
  define(command: Command): Command;
  /** The command's module; its `run` receives commander's action arguments (arguments…, options, command). */
  load(): Promise<{ run: (...args: never[]) => unknown }>;
};
