import { sql } from "drizzle-orm";
import { hashNewPassword } from "../../platform/auth/passwords.js";
import type { Db } from "../../platform/db.js";
import { conflict } from "../../platform/errors.js";
import { countUsers, insertUser } from "./repository.js";

/**
 * First run: creates the instance admin, only while the instance has no user at all.
 * The table lock makes two simultaneous first-run submissions produce one admin.
 */
export async function createFirstAdmin(db: Db, input: { email: string; name: string; password: string }) {
  const passwordHash = await hashNewPassword(input.password, input);
  return db.transaction(async (tx) => {
    await tx.execute(sql`lock table users in exclusive mode`);
    if ((await countUsers(tx)) > 0) {
      throw conflict("already_set_up", "Grove is already set up. Sign in instead, or ask your admin for an account.");
    }
    return insertUser(tx, { email: input.email, name: input.name, passwordHash, isAdmin: true });
  });
}
