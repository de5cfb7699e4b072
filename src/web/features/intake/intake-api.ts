import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type { IntakeFormSave, IntakeForm as IntakeFormSchema } from "../../../contracts/intake";
import { api } from "../../lib/api";
import type { IntakeRoleName } from "../enrolment/enrolment-api";

export type IntakeForm = z.infer<typeof IntakeFormSchema>;

export const intakeKeys = {
  form: (programmeId: string, role: IntakeRoleName) => ["programmes", "detail", programmeId, "forms", role] as const,
};

export const intakeFormQuery = (programmeId: string, role: IntakeRoleName) =>
  queryOptions({
    queryKey: intakeKeys.form(programmeId, role),
    queryFn: ({ signal }) => api<IntakeForm>(`/api/programmes/${encodeURIComponent(programmeId)}/forms/${role}`, { signal }),
    // The builder edits a copy; don't swap the saved version underneath someone mid-edit.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });

export const saveIntakeForm = (programmeId: string, role: IntakeRoleName, body: z.input<typeof IntakeFormSave>) =>
  api<IntakeForm>(`/api/programmes/${encodeURIComponent(programmeId)}/forms/${role}`, { method: "PUT", body });
