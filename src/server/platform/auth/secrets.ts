import { createHash, randomBytes } from "node:crypto";

/** A random, URL-safe secret with 256 bits of entropy. */
export const newSecret = (prefix = "") => prefix + randomBytes(32).toString("base64url");

/** Secrets are stored only as SHA-256 hashes: high-entropy tokens need no slow hash. */
export const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");
