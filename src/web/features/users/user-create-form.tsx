import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { UserCreate } from "../../../contracts/users";
import { CheckboxField } from "../../components/checkbox-field";
import { ErrorSummary, type FieldTargets } from "../../components/error-summary";
import { SubmitButton } from "../../components/submit-button";
import { TextField } from "../../components/text-field";
import { useFormErrors } from "../../lib/form-errors";
import { createUser, type User, userKeys } from "./users-api";

const fields: FieldTargets = {
  name: { label: "Name", target: "new-user-name" },
  email: { label: "Email", target: "new-user-email" },
  password: { label: "Temporary password", target: "new-user-password" },
};

/** Admins create accounts directly; the person can change the password later. */
export function UserCreateForm() {
  const queryClient = useQueryClient();
  const { errors, clear, validate, showApiError } = useFormErrors();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [isAdmin, setIsAdmin] = useState(false);
  const [created, setCreated] = useState<User | null>(null);
  const confirmation = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (created) confirmation.current?.focus();
  }, [created]);

  const mutation = useMutation({
    mutationFn: createUser,
    onSuccess: async (user) => {
      setName("");
      setEmail("");
      setPassword("");
      setIsAdmin(false);
      setCreated(user);
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
    },
    onError: showApiError,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    const body = validate(UserCreate, { name, email, password, isAdmin });
    if (!body) return;
    clear();
    mutation.mutate(body);
  };

  return (
    <section aria-labelledby="new-user-title" className="card">
      <h2 id="new-user-title">Add a person</h2>
      <div role="status" className="flash-region">
        {created ? (
          <div className="notice notice--success" tabIndex={-1} ref={confirmation}>
            <p>
              Account created for {created.name} ({created.email}). Share the temporary password with them privately and ask them to change
              it after signing in.
            </p>
          </div>
        ) : null}
      </div>
      <ErrorSummary errors={errors} fields={fields} formTitle="The account couldn't be created" />
      <form onSubmit={submit} noValidate className="form">
        <TextField id="new-user-name" label="Name" value={name} onChange={setName} error={errors.fields.name} autoComplete="off" />
        <TextField
          id="new-user-email"
          label="Email"
          type="email"
          value={email}
          onChange={setEmail}
          error={errors.fields.email}
          autoComplete="off"
          spellCheck={false}
        />
        <TextField
          id="new-user-password"
          label="Temporary password"
          type="password"
          value={password}
          onChange={setPassword}
          error={errors.fields.password}
          hint="At least 10 characters, not a common password and not their email or name."
          autoComplete="new-password"
        />
        <CheckboxField
          id="new-user-admin"
          label="Instance admin"
          checked={isAdmin}
          onChange={setIsAdmin}
          hint="Admins can see every programme and manage accounts."
        />
        <SubmitButton pending={mutation.isPending} pendingLabel="Creating account…">
          Create account
        </SubmitButton>
      </form>
    </section>
  );
}
