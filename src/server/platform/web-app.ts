import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { sendNotFound } from "./http-errors.js";

export const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../dist/web");

/**
 * Serves the built SPA. Hashed assets are cached for a year; index.html never, so a new
 * release is picked up on the next load. Unknown non-API paths get index.html and the
 * client router decides (deep links like /programmes/123 work on reload).
 */
export async function registerWebApp(app: FastifyInstance, root = webDist): Promise<boolean> {
  if (!fs.existsSync(path.join(root, "index.html"))) {
    app.log.warn(`web app not built (${root} is missing): run "npm run build:web"`);
    return false;
  }
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    setHeaders(res, filePath) {
      res.setHeader(
        "cache-control",
        filePath.includes(`${path.sep}assets${path.sep}`) ? "public, max-age=31536000, immutable" : "no-cache",
      );
    },
  });
  const indexHtml = fs.readFileSync(path.join(root, "index.html"), "utf8");
  app.setNotFoundHandler((req, reply) => {
    const pathname = req.url.split("?")[0];
    // HEAD answers like GET (Node sends no body for it).
    if ((req.method !== "GET" && req.method !== "HEAD") || pathname.startsWith("/api/") || pathname === "/api" || path.extname(pathname)) {
      return sendNotFound(req, reply);
    }
    return reply.code(200).type("text/html; charset=utf-8").header("cache-control", "no-cache").send(indexHtml);
  });
  return true;
}
