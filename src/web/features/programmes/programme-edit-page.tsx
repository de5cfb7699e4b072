import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { ProgrammeUpdate } from "../../../contracts/programmes";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { PageHeading } from "../../components/page-heading";
import { isApiError } from "../../lib/api";
import { setFlash } from "../../lib/flash";
import { useFormErrors } from "../../lib/form-errors";
import { useCurrentUser } from "../auth/session";
import { ProgrammeForm, type ProgrammeFormValues, readSessionMinutes } from "./programme-form";
import { canManageProgramme } from "./programme-permissions";
import { type Programme, type ProgrammeChanges, programmeKeys, programmeQuery, updateProgramme } from "./programmes-api";
import { termErrors } from "./validate-term";

const route = getRouteApi("/_app/programmes/$programmeId/edit");

export function ProgrammeEditPage() {
  const { programmeId } = route.useParams();
  const user = useCurrentUser();
  const query = useQuery(programmeQuery(programmeId));
  const programme = query.data;

  if (!programme) {
    return (
      <>
        <PageHeading>Edit programme</PageHeading>
        {query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <LoadingState label="Loading the programme…" />
        )}
      </>
    );
  }

  const backLink = (
    <Link to="/programmes/$programmeId" params={{ programmeId }}>
      Back to the programme
    </Link>
  );

  if (!canManageProgramme(user, programme)) {
    return (
      <>
        <PageHeading>Edit programme</PageHeading>
        <p>Only this programme's coordinators can change it.</p>
        <p>{backLink}</p>
      </>
    );
  }
  if (programme.status === "archived") {
    return (
      <>
        <PageHeading>Edit programme</PageHeading>
        <p>“{programme.name}” is archived. Restore it from its page before making changes.</p>
        <p>{backLink}</p>
      </>
    );
  }
  return <EditForm programme={programme} onReload={() => query.refetch()} />;
}

function EditForm({ programme, onReload }: { programme: Programme; onReload: () => Promise<unknown> }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { errors, clear, show, validate, showApiError } = useFormErrors();
  const [conflict, setConflict] = useState(false);
  const conflictRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  const mutation = useMutation({
    mutationFn: (body: ProgrammeChanges) => updateProgramme(programme.id, body),
    onSuccess: async (updated) => {
      queryClient.setQueryData(programmeKeys.detail(updated.id), updated);
      await queryClient.invalidateQueries({ queryKey: ["programmes", "list"] });
      setFlash("Your changes have been saved.", `/programmes/${updated.id}`);
      await navigate({ to: "/programmes/$programmeId", params: { programmeId: updated.id } });
    },
    onError: (error) => {
      if (isApiError(error, "version_conflict")) {
        clear();
        setConflict(true);
        return;
      }
      showApiError(error);
    },
  });

  const submit = (values: ProgrammeFormValues) => {
    const sessionMinutes = readSessionMinutes(values.sessionMinutes);
    if (sessionMinutes === null) return show({ sessionMinutes: "Enter the length in whole minutes, e.g. 60" });
    const { type, ...rest } = values;
    // Only send the type when it changed: it is locked once a programme leaves draft.
    const changes = { ...rest, sessionMinutes, ...(type !== programme.type ? { type } : {}), version: programme.version };
    const body = validate(ProgrammeUpdate, changes);
    if (!body) return;
    const term = termErrors(values.termStart, values.termEnd);
    if (term) return show(term);
    clear();
    mutation.mutate(body);
  };

  const reload = async () => {
    await onReload();
    setConflict(false);
  };

  const conflictNotice = conflict ? (
    <div className="notice notice--error" role="alert" tabIndex={-1} ref={conflictRef}>
      <h2 className="notice__title">Someone else changed this programme</h2>
      <p>
        {isApiError(mutation.error) ? mutation.error.message : "This programme changed while you were editing it."} Your edits are still in
        the form below; loading the latest version replaces them.
      </p>
      <button type="button" className="button button--secondary" onClick={() => void reload()}>
        Load the latest version
      </button>
    </div>
  ) : null;

  return (
    <>
      <PageHeading title={`Edit ${programme.name}`}>Edit programme</PageHeading>
      <p className="lead">{programme.name}</p>
      <ProgrammeForm
        // A new version (after reloading) starts the form again from the saved values.
        key={programme.version}
        idPrefix="edit-programme"
        initial={{
          name: programme.name,
          type: programme.type,
          description: programme.description,
          termStart: programme.termStart,
          termEnd: programme.termEnd,
          cadence: programme.cadence,
          sessionMinutes: String(programme.sessionMinutes),
        }}
        typeLockedReason={programme.status === "draft" ? undefined : "The type can only change while the programme is a draft."}
        errors={errors}
        pending={mutation.isPending}
        submitLabel="Save changes"
        pendingLabel="Saving…"
        onSubmit={submit}
        notice={conflictNotice}
        secondaryAction={
          <Link to="/programmes/$programmeId" params={{ programmeId: programme.id }} className="button button--secondary">
            Cancel
          </Link>
        }
      />
    </>
  );
}
