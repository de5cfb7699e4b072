import fastifyHelmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";
import type { Config } from "./config.js";

/**
 * Security headers on every response — API, errors, the docs and the web app — from one
 * global hook, so routes added later get them too. The web app and the API docs load
 * only their own scripts and styles (no inline script or style elements), so the policy
 * needs no 'unsafe-inline'. Nothing may frame Grove (clickjacking), and no page sends a
 * Referer: reset and invitation links carry their token in the address.
 */
export async function registerSecurityHeaders(app: FastifyInstance, config: Config) {
  const https = config.baseUrl.startsWith("https://");
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "script-src-attr": ["'none'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        // Over plain http (a laptop, a test) upgrading would break every asset.
        ...(https ? { "upgrade-insecure-requests": [] } : {}),
      },
    },
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "no-referrer" },
    // Only meaningful, and only safe to promise, when Grove is served over https.
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true, preload: false } : false,
    // Calendar apps fetch the ICS feeds from their own servers; same-origin resource policy is fine for browsers.
    crossOriginResourcePolicy: { policy: "same-origin" },
  });
}

/** The same policy with inline styles allowed: for the API docs, whose Swagger UI injects a <style> element. */
export const allowInlineStyles = (policy: string) => policy.replace(/style-src 'self'(?=;|$)/, "style-src 'self' 'unsafe-inline'");
