import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { ProgrammeCreate } from "../../../contracts/programmes";
import { defaultTerm } from "../../../core/programme-term";
import { PageHeading } from "../../components/page-heading";
import { setFlash } from "../../lib/flash";
import { useFormErrors } from "../../lib/form-errors";
import { canCreateProgrammes, sessionQueryKey, useCurrentUser } from "../auth/session";
import { ProgrammeForm, type ProgrammeFormValues, readSessionMinutes } from "./programme-form";
import { createProgramme, programmeKeys } from "./programmes-api";
import { termErrors } from "./validate-term";

/** New programmes start next Monday and run 12 weeks, meeting weekly for an hour, unless changed. */
function initialValues(): ProgrammeFormValues {
  const { termStart, termEnd } = defaultTerm(new Date());
  return { name: "", type: "mentoring", description: "", termStart, termEnd, cadence: "weekly", sessionMinutes: "60" };
}

export function ProgrammeCreatePage() {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { errors, clear, show, validate, showApiError } = useFormErrors();
  const [initial] = useState(initialValues);

  const mutation = useMutation({
    mutationFn: createProgramme,
    onSuccess: async (programme) => {
      queryClient.setQueryData(programmeKeys.detail(programme.id), programme);
      await queryClient.invalidateQueries({ queryKey: programmeKeys.all });
      // The creator is now its coordinator; the session lists memberships.
      await queryClient.invalidateQueries({ queryKey: sessionQueryKey });
      const path = `/programmes/${programme.id}`;
      setFlash(`“${programme.name}” has been created. You are its coordinator.`, path);
      await navigate({ to: "/programmes/$programmeId", params: { programmeId: programme.id } });
    },
    onError: showApiError,
  });

  if (!canCreateProgrammes(user)) {
    return (
      <>
        <PageHeading>New programme</PageHeading>
        <p>
          Programmes are created by instance admins and by people who already coordinate a programme. Ask an admin to create one for you or
          to make you a coordinator.
        </p>
        <p>
          <Link to="/programmes">Back to programmes</Link>
        </p>
      </>
    );
  }

  const submit = (values: ProgrammeFormValues) => {
    const sessionMinutes = readSessionMinutes(values.sessionMinutes);
    if (sessionMinutes === null) return show({ sessionMinutes: "Enter the length in whole minutes, e.g. 60" });
    const body = validate(ProgrammeCreate, { ...values, sessionMinutes });
    if (!body) return;
    const term = termErrors(values.termStart, values.termEnd);
    if (term) return show(term);
    clear();
    mutation.mutate(body);
  };

  return (
    <>
      <PageHeading>New programme</PageHeading>
      <p className="lead">Set out the basics. You can change any of this later, and you become its coordinator.</p>
      <ProgrammeForm
        idPrefix="new-programme"
        initial={initial}
        errors={errors}
        pending={mutation.isPending}
        submitLabel="Create programme"
        pendingLabel="Creating…"
        onSubmit={submit}
        secondaryAction={
          <Link to="/programmes" className="button button--secondary">
            Cancel
          </Link>
        }
      />
    </>
  );
}
