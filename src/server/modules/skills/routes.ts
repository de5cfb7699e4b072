import { z } from "zod";
import { errorResponses } from "../../../contracts/errors.js";
import { Skill, SkillCheck, SkillCheckQuery, SkillEntryCreate, SkillQuery } from "../../../contracts/skills.js";
import { validateTaxonomyEntry } from "../../../core/skills/index.js";
import { requireAdmin } from "../../platform/auth/plugin.js";
import type { AppContext } from "../../platform/context.js";
import { badRequest } from "../../platform/errors.js";
import type { TypedApp } from "../../platform/typed-app.js";
import { skillEntries } from "../enrolment/tables.js";
import { currentTaxonomy } from "./taxonomy-cache.js";

const tags = ["skills"];

export async function skillRoutes(app: TypedApp, ctx: AppContext) {
  app.get(
    "/skills",
    {
      schema: {
        tags,
        summary: "Autocomplete developer skills (public: application forms use it)",
        security: [],
        querystring: SkillQuery,
        response: { 200: z.array(Skill) },
      },
    },
    async (req) => {
      const taxonomy = await currentTaxonomy(ctx.db);
      return req.query.q ? taxonomy.autocomplete(req.query.q, req.query.limit) : [];
    },
  );

  app.get(
    "/skills/check",
    {
      schema: {
        tags,
        summary: "Whether a typed skill is known, and the closest ones if not",
        security: [],
        querystring: SkillCheckQuery,
        response: { 200: SkillCheck },
      },
    },
    async (req) => {
      const taxonomy = await currentTaxonomy(ctx.db);
      const hit = taxonomy.resolve(req.query.name);
      return {
        input: req.query.name,
        known: Boolean(hit),
        skill: hit?.skill ?? null,
        suggestions: hit ? [] : taxonomy.suggest(req.query.name, 3),
      };
    },
  );

  app.post(
    "/skills",
    {
      schema: {
        tags,
        summary: "Add a skill, or aliases for a known one (instance admins)",
        body: SkillEntryCreate,
        response: { 201: Skill, ...errorResponses },
      },
    },
    async (req, reply) => {
      requireAdmin(req);
      const taxonomy = await currentTaxonomy(ctx.db);
      const problems = validateTaxonomyEntry(req.body, taxonomy);
      if (problems.length)
        throw badRequest("validation_failed", problems[0], { issues: problems.map((message) => ({ path: [], message })) });
      await ctx.db
        .insert(skillEntries)
        .values(req.body)
        .onConflictDoUpdate({
          target: skillEntries.name,
          set: { aliases: req.body.aliases, family: req.body.family, createdAt: new Date() },
        });
      return reply.code(201).send({ name: req.body.name, family: req.body.family });
    },
  );
}
