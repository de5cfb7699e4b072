import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { PasswordChangeRequest } from "../../../contracts/auth";
import { ErrorSummary, type FieldTargets } from "../../components/error-summary";
import { SubmitButton } from "../../components/submit-button";
import { TextField } from "../../components/text-field";
import { useFormErrors } from "../../lib/form-errors";
import { changePassword } from "./account-api";

const fields: FieldTargets = {
  currentPassword: { label: "Current password", target: "current-password" },
  newPassword: { label: "New password", target: "new-password" },
  confirm: { label: "Repeat new password", target: "confirm-password" },
};

export function ChangePasswordForm() {
  const { errors, clear, show, validate, showApiError } = useFormErrors();
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [done, setDone] = useState(false);
  const doneRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const mutation = useMutation({
    mutationFn: changePassword,
    onSuccess: () => {
      setCurrentPassword("");
      setNewPassword("");
      setConfirm("");
      setDone(true);
    },
    onError: showApiError,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const body = validate(PasswordChangeRequest, { currentPassword, newPassword });
    if (!body) return;
    if (newPassword !== confirm) return show({ confirm: "The two new passwords don't match" });
    clear();
    mutation.mutate(body);
  };

  return (
    <section aria-labelledby="password-title" className="card">
      <h2 id="password-title">Change password</h2>
      <div role="status" className="flash-region">
        {done ? (
          <div className="notice notice--success" tabIndex={-1} ref={doneRef}>
            <p>Your password has been changed and your other sessions have ended. Use the new one next time you sign in.</p>
          </div>
        ) : null}
      </div>
      <ErrorSummary errors={errors} fields={fields} formTitle="Your password wasn't changed" />
      <form onSubmit={submit} noValidate className="form">
        <TextField
          id="current-password"
          label="Current password"
          type="password"
          value={currentPassword}
          onChange={setCurrentPassword}
          error={errors.fields.currentPassword}
          autoComplete="current-password"
        />
        <TextField
          id="new-password"
          label="New password"
          type="password"
          value={newPassword}
          onChange={setNewPassword}
          error={errors.fields.newPassword}
          hint="At least 10 characters, not a common password and not your email or name."
          autoComplete="new-password"
        />
        <TextField
          id="confirm-password"
          label="Repeat new password"
          type="password"
          value={confirm}
          onChange={setConfirm}
          error={errors.fields.confirm}
          autoComplete="new-password"
        />
        <SubmitButton pending={mutation.isPending} pendingLabel="Changing password…">
          Change password
        </SubmitButton>
      </form>
    </section>
  );
}
