import { errorResponses } from "../../../contracts/errors.js";
import { FormParams, IntakeForm, IntakeFormSave } from "../../../contracts/intake.js";
import { requireUser } from "../../platform/auth/plugin.js";
import type { AppContext } from "../../platform/context.js";
import { notFound } from "../../platform/errors.js";
import type { TypedApp } from "../../platform/typed-app.js";
import { loadProgrammeFor } from "../programmes/access.js";
import { findForm } from "./repository.js";
import { assertRoleOfProgramme, saveForm } from "./save-form.js";

const tags = ["intake forms"];
const present = (f: NonNullable<Awaited<ReturnType<typeof findForm>>>) => ({ ...f, updatedAt: f.updatedAt.toISOString() });

export async function intakeRoutes(app: TypedApp, ctx: AppContext) {
  app.get(
    "/programmes/:id/forms/:role",
    {
      schema: {
        tags,
        summary: "A role's intake form (coordinators)",
        params: FormParams,
        response: { 200: IntakeForm, ...errorResponses },
      },
    },
    async (req) => {
      const { programme } = await loadProgrammeFor(ctx.db, requireUser(req), req.params.id, "manage");
      assertRoleOfProgramme(programme.type, req.params.role);
      const form = await findForm(ctx.db, programme.id, req.params.role);
      if (!form) throw notFound("That form");
      return present(form);
    },
  );

  app.put(
    "/programmes/:id/forms/:role",
    {
      schema: {
        tags,
        summary: "Save a new version of a role's intake form (coordinators)",
        description:
          "Built-in questions can be reworded or made optional but not removed. Send the version you edited; 409 if someone saved in between.",
        params: FormParams,
        body: IntakeFormSave,
        response: { 200: IntakeForm, ...errorResponses },
      },
    },
    async (req) => present(await saveForm(ctx.db, requireUser(req), req.params.id, req.params.role, req.body.version, req.body.questions)),
  );
}
