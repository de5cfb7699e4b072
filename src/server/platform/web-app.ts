import fs from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { sendNotFound } from "./http-errors.js";
import { webDist } from "./install-paths.js";

/**
 * A missing asset gets a 404; any other path is a page. Only real file extensions count:
 * signed tokens in page paths (an unsubscribe link's "payload.signature") contain dots too.
 */
const looksLikeAFile = (pathname: string) =>
  /\.(m?js|css|map|json|svg|png|jpe?g|gif|ico|webp|avif|woff2?|ttf|txt|xml|webmanifest|html)$/i.test(pathname);

/**
 * Serves the built SPA. Hashed assets are cached for a year; index.html never, so a new
 * release is picked up on the next load. Unknown non-API paths get index.html and the
 * client router decides (deep links like /programmes/123 work on reload).
 */
export async function registerWebApp(app: FastifyInstance, root = webDist): Promise<boolean> {
  if (!fs.existsSync(path.join(root, "index.html"))) {
    app.log.warn(`web app not built (${root} is missing): run "npm run build"`);
    return false;
  }
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    setHeaders(reply, filePath) {
      reply.header("cache-control", filePath.includes(`${path.sep}assets${path.sep}`) ? "public, max-age=31536000, immutable" : "no-cache");
    },
  });
  const indexHtml = fs.readFileSync(path.join(root, "index.html"), "utf8");
  app.setNotFoundHandler((req, reply) => {
    const pathname = req.url.split("?")[0];
    // HEAD answers like GET (Node sends no body for it).
    if (
      (req.method !== "GET" && req.method !== "HEAD") ||
      pathname.startsWith("/api/") ||
      pathname === "/api" ||
      looksLikeAFile(pathname)
    ) {
      return sendNotFound(req, reply);
    }
    return reply.code(200).type("text/html; charset=utf-8").header("cache-control", "no-cache").send(indexHtml);
  });
  return true;
}
