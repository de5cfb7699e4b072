import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { isDatabaseUnavailable } from "./db.js";
import { AppError } from "./errors.js";

type Issue = { path: string[]; message: string };

const SECTION: Record<string, string> = { body: "request body", querystring: "query string", params: "URL", headers: "headers" };

/**
 * One error shape for every failure: { error: { code, message, details } }. Framework
 * errors (bad JSON, oversized body, wrong content type) are translated into plain words;
 * anything unexpected is logged with the request id and answered with a generic 500.
 */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    if (err instanceof AppError) {
      return reply
        .code(err.status)
        .headers(err.headers)
        .send({ error: { code: err.code, message: err.message, ...(err.details !== undefined ? { details: err.details } : {}) } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues: Issue[] = err.validation.map((v) => ({
        path: v.instancePath.split("/").filter(Boolean),
        message: describeIssue(v.keyword, v.message ?? "is not valid", v.params as Record<string, unknown>),
      }));
      const where = SECTION[err.validationContext ?? "body"] ?? "request";
      const first = issues[0];
      const message =
        issues.length === 1 && first
          ? `The ${where} is not valid: ${first.path.length ? `${first.path.join(".")}: ` : ""}${first.message}`
          : `The ${where} is not valid (${issues.length} problems).`;
      return reply.code(400).send({ error: { code: "validation_failed", message, details: { issues } } });
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const [code, message] = translateClientError(err);
      if (status === 429 || err.code === "FST_ERR_CTP_BODY_TOO_LARGE") req.log.warn({ code }, message);
      return reply.code(status).send({ error: { code, message } });
    }
    if (isDatabaseUnavailable(err)) {
      req.log.error({ err }, "database unavailable");
      return reply
        .code(503)
        .header("retry-after", "5")
        .send({ error: { code: "database_unavailable", message: "Grove cannot reach its database right now. Try again in a moment." } });
    }
    req.log.error({ err }, "unhandled error");
    return reply.code(500).send({
      error: { code: "internal_error", message: `Something went wrong on our side. Quote request id ${req.id} if you report it.` },
    });
  });
}

export function sendNotFound(req: FastifyRequest, reply: FastifyReply) {
  return reply.code(404).send({ error: { code: "not_found", message: `There is no ${req.method} ${req.url.split("?")[0]} in Grove.` } });
}

function describeIssue(keyword: string, message: string, params: Record<string, unknown>): string {
  if (keyword === "unrecognized_keys" && Array.isArray(params.keys)) {
    return `unknown field${params.keys.length > 1 ? "s" : ""} ${params.keys.map((k) => `"${k}"`).join(", ")}`;
  }
  if (keyword === "invalid_type" && /received undefined/.test(message)) return "is required";
  return message;
}

function translateClientError(err: FastifyError): [string, string] {
  switch (err.code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return ["invalid_json", "The request body is not valid JSON."];
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return ["payload_too_large", "The request body is too large."];
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return ["unsupported_media_type", "Send the request body as application/json."];
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return ["bad_request", "The Content-Length header does not match the body."];
    default:
      if (err instanceof SyntaxError) return ["invalid_json", "The request body is not valid JSON."];
      return ["bad_request", err.message || "The request could not be understood."];
  }
}
