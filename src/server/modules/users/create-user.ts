import { hashNewPassword } from "../../platform/auth/passwords.js";
import { type Db, isUniqueViolation } from "../../platform/db.js";
import { conflict } from "../../platform/errors.js";
import { findUserByEmail, insertUser, type UserRow } from "../accounts/repository.js";

export const presentUser = (u: UserRow) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  isAdmin: u.isAdmin,
  createdAt: u.createdAt.toISOString(),
});

export async function createUser(db: Db, input: { email: string; name: string; password: string; isAdmin: boolean }) {
  if (await findUserByEmail(db, input.email)) {
    throw conflict("email_taken", "An account with this email already exists.", {
      issues: [{ path: ["email"], message: "Already has an account" }],
    });
  }
  const passwordHash = await hashNewPassword(input.password, input);
  try {
    return await insertUser(db, { email: input.email, name: input.name, passwordHash, isAdmin: input.isAdmin });
  } catch (err) {
    // Two admins creating the same person at once: the unique index decides.
    if (isUniqueViolation(err)) throw conflict("email_taken", "An account with this email already exists.");
    throw err;
  }
}
