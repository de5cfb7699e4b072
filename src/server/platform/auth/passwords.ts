import { gunzipSync } from "node:zlib";
import argon2 from "argon2";
import { PASSWORD_MESSAGES, type PasswordOwner, passwordProblem } from "../../../core/auth/password-rule.js";
import { badRequest } from "../errors.js";
import { COMMON_PASSWORDS_GZIP_BASE64 } from "./common-passwords-data.js";

// OWASP's argon2id baseline (19 MiB, 2 passes): strong, and fast enough that sign-in
// stays well under a second on a small server.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => argon2.hash(password, OPTIONS);

let dummyHash: Promise<string> | undefined;

/**
 * Verifies a password. With no hash (unknown account) it still does the same work
 * against a dummy hash, so response time does not reveal which emails have accounts.
 */
export async function verifyPassword(hash: string | null | undefined, password: string): Promise<boolean> {
  if (!hash) {
    dummyHash ??= hashPassword("grove-dummy-password");
    await argon2.verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return argon2.verify(hash, password).catch(() => false);
}

let commonPasswords: Set<string> | undefined;

/** The shipped list of common passwords, unpacked on first use (about 11,000 entries). */
export function isCommonPassword(lowerCased: string): boolean {
  commonPasswords ??= new Set(gunzipSync(Buffer.from(COMMON_PASSWORDS_GZIP_BASE64, "base64")).toString("utf8").split("\n"));
  return commonPasswords.has(lowerCased);
}

/**
 * Hashes a password someone is choosing, after checking it against the password rule
 * (common passwords, runs of keys, their own email or name). Every place that sets a
 * password goes through here; `path` names the field in the 400's issues.
 */
export async function hashNewPassword(password: string, owner: PasswordOwner, path: string[] = ["password"]): Promise<string> {
  const problem = passwordProblem(password, owner, isCommonPassword);
  if (problem) {
    const message = PASSWORD_MESSAGES[problem];
    throw badRequest("validation_failed", message, { issues: [{ path, message }] });
  }
  return hashPassword(password);
}
