import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { MemberAdd } from "../../../contracts/programmes";
import { ErrorSummary, type FieldTargets } from "../../components/error-summary";
import { SubmitButton } from "../../components/submit-button";
import { TextField } from "../../components/text-field";
import { announce } from "../../lib/announce";
import { useFormErrors } from "../../lib/form-errors";
import { addMember, type Member, programmeKeys } from "./programmes-api";

const fields: FieldTargets = {
  email: { label: "Email", target: "member-email" },
  role: { label: "Role", target: "member-email" },
};

/**
 * Make someone with a Grove account a coordinator of this programme. Participants
 * join through applications, invitations or imports instead.
 */
export function AddMemberForm({ programmeId }: { programmeId: string }) {
  const queryClient = useQueryClient();
  const { errors, clear, validate, showApiError } = useFormErrors();
  const [email, setEmail] = useState("");

  const mutation = useMutation({
    mutationFn: (body: { email: string; role: Member["role"] }) => addMember(programmeId, body),
    onSuccess: (result, body) => {
      // The server answers with the whole roster; older servers may send one member.
      if (Array.isArray(result)) queryClient.setQueryData(programmeKeys.members(programmeId), result);
      else void queryClient.invalidateQueries({ queryKey: programmeKeys.members(programmeId) });
      announce(`${body.email} is now a coordinator.`);
      setEmail("");
    },
    onError: showApiError,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = validate(MemberAdd, { email, role: "coordinator" });
    if (!body) return;
    clear();
    mutation.mutate(body);
  };

  return (
    <form onSubmit={submit} noValidate className="form form--inline" aria-labelledby="add-member-title">
      <h3 id="add-member-title">Add a coordinator</h3>
      <p className="field__hint">
        Coordinators can change everything about this programme and see every participant. They need a Grove account already; an admin can
        create one on the Users page.
      </p>
      <ErrorSummary errors={errors} fields={fields} formTitle="The coordinator couldn't be added" />
      <TextField
        id="member-email"
        label="Email"
        type="email"
        value={email}
        onChange={setEmail}
        error={errors.fields.email}
        autoComplete="off"
        spellCheck={false}
      />
      <SubmitButton pending={mutation.isPending} pendingLabel="Adding…" variant="secondary">
        Add coordinator
      </SubmitButton>
    </form>
  );
}
