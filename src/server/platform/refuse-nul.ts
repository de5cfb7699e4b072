import type { FastifyInstance } from "fastify";
import { AppError } from "./errors.js";

/**
 * PostgreSQL text cannot store U+0000, so a NUL that reaches a query fails the statement.
 * Rather than teach every contract about it, one hook in front of every route (those
 * added later included) refuses a NUL anywhere in the URL parameters, the query string
 * or the body — values and object keys, at any depth — with the usual 400.
 */
export function registerNulRefusal(app: FastifyInstance) {
  app.addHook("preValidation", async (req) => {
    const sections: [string, unknown][] = [
      ["URL", req.params],
      ["query string", req.query],
      ["request body", req.body],
    ];
    for (const [where, value] of sections) {
      const path = findNul(value, []);
      if (!path) continue;
      const message = "must not contain the NUL character (\\u0000)";
      throw new AppError(400, "validation_failed", `The ${where} is not valid: ${path.length ? `${path.join(".")}: ` : ""}${message}`, {
        issues: [{ path, message }],
      });
    }
  });
}

const MAX_DEPTH = 64;

/** The path of the first string or key holding a NUL, or undefined. */
export function findNul(value: unknown, path: string[]): string[] | undefined {
  if (typeof value === "string") return value.includes("\u0000") ? path : undefined;
  if (value === null || typeof value !== "object" || value instanceof Uint8Array || path.length > MAX_DEPTH) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i], [...path, String(i)]);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, v] of Object.entries(value)) {
    if (key.includes("\u0000")) return [...path, key.replaceAll("\u0000", "\\u0000")];
    const found = findNul(v, [...path, key]);
    if (found) return found;
  }
  return undefined;
}
