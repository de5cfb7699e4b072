import { createInterface } from "node:readline/promises";
import { z } from "zod";
import { UserCreate } from "../../contracts/users.js";
import { openConfiguredDatabase } from "../../server/main.js";
import { createUser } from "../../server/modules/users/create-user.js";
import { loadConfig } from "../../server/platform/config.js";
import { CliError, reportFailure } from "../fail.js";

async function promptPassword(): Promise<string> {
  if (process.env.GROVE_ADMIN_PASSWORD) return process.env.GROVE_ADMIN_PASSWORD;
  if (!process.stdin.isTTY) throw new CliError("Set GROVE_ADMIN_PASSWORD or run this in a terminal to type the password.");
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  try {
    return await rl.question("Password (at least 10 characters): ");
  } finally {
    rl.close();
  }
}

/** `grove admin create --email E --name N`: an instance admin, password from GROVE_ADMIN_PASSWORD or a prompt. */
export async function run(opts: { email: string; name: string }) {
  try {
    const parsed = UserCreate.safeParse({ email: opts.email, name: opts.name, password: await promptPassword(), isAdmin: true });
    if (!parsed.success) {
      throw new CliError(`Cannot create the admin:\n${z.prettifyError(parsed.error)}`);
    }
    const { database, lock } = await openConfiguredDatabase(loadConfig());
    try {
      await database.migrate();
      const user = await createUser(database.db, parsed.data);
      console.log(`Created instance admin ${user.email}. Sign in at your Grove address.`);
    } finally {
      await database.close();
      lock?.release();
    }
  } catch (err) {
    reportFailure(err);
  }
}
