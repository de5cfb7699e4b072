import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { MemberAdd } from "../../../contracts/programmes";
import { ProgrammeRole } from "../../../contracts/roles";
import { ErrorSummary, type FieldTargets } from "../../components/error-summary";
import { SelectField } from "../../components/select-field";
import { SubmitButton } from "../../components/submit-button";
import { TextField } from "../../components/text-field";
import { announce } from "../../lib/announce";
import { useFormErrors } from "../../lib/form-errors";
import { roleLabels } from "./programme-labels";
import { addMember, type Member, programmeKeys } from "./programmes-api";

const roleOptions = ProgrammeRole.options.map((role) => ({ value: role, label: roleLabels[role] }));

const fields: FieldTargets = {
  email: { label: "Email", target: "member-email" },
  role: { label: "Role", target: "member-role" },
};

/** Give someone who already has an account a role in this programme. */
export function AddMemberForm({ programmeId }: { programmeId: string }) {
  const queryClient = useQueryClient();
  const { errors, clear, validate, showApiError } = useFormErrors();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<string>("mentee");

  const mutation = useMutation({
    mutationFn: (body: { email: string; role: Member["role"] }) => addMember(programmeId, body),
    onSuccess: (result, body) => {
      // The server answers with the whole roster; older servers may send one member.
      if (Array.isArray(result)) queryClient.setQueryData(programmeKeys.members(programmeId), result);
      else void queryClient.invalidateQueries({ queryKey: programmeKeys.members(programmeId) });
      announce(`${body.email} added as ${roleLabels[body.role].toLowerCase()}.`);
      setEmail("");
    },
    onError: showApiError,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = validate(MemberAdd, { email, role });
    if (!body) return;
    clear();
    mutation.mutate(body);
  };

  return (
    <form onSubmit={submit} noValidate className="form form--inline" aria-labelledby="add-member-title">
      <h3 id="add-member-title">Add a member</h3>
      <p className="field__hint">They need a Grove account already; an admin can create one on the Users page.</p>
      <ErrorSummary errors={errors} fields={fields} formTitle="The member couldn't be added" />
      <div className="form__row">
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
        <SelectField id="member-role" label="Role" value={role} options={roleOptions} onChange={setRole} error={errors.fields.role} />
      </div>
      <SubmitButton pending={mutation.isPending} pendingLabel="Adding…" variant="secondary">
        Add member
      </SubmitButton>
    </form>
  );
}
