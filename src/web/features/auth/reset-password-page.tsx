import { useMutation } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { PasswordResetConfirm } from "../../../contracts/auth";
import { ErrorSummary, type FieldTargets } from "../../components/error-summary";
import { PageHeading } from "../../components/page-heading";
import { SubmitButton } from "../../components/submit-button";
import { TextField } from "../../components/text-field";
import { isApiError } from "../../lib/api";
import { setFlash } from "../../lib/flash";
import { useFormErrors } from "../../lib/form-errors";
import { confirmPasswordReset } from "./auth-api";

const route = getRouteApi("/_public/reset-password");

const fields: FieldTargets = {
  password: { label: "New password", target: "reset-password" },
  confirm: { label: "Repeat new password", target: "reset-confirm" },
  token: { label: "Reset link", target: "reset-password" },
};

export function ResetPasswordPage() {
  const { token } = route.useSearch();
  const navigate = useNavigate();
  const { errors, clear, show, validate, showApiError } = useFormErrors();
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [linkExpired, setLinkExpired] = useState(false);

  const mutation = useMutation({
    mutationFn: confirmPasswordReset,
    onSuccess: async () => {
      setFlash(
        "Your password has been changed. Every session has ended and your API tokens are revoked. Sign in with the new one.",
        "/sign-in",
      );
      await navigate({ to: "/sign-in", replace: true });
    },
    onError: (error) => {
      if (isApiError(error, "invalid_token")) setLinkExpired(true);
      showApiError(error);
    },
  });

  if (!token) {
    return (
      <div className="card card--narrow">
        <PageHeading>This reset link is incomplete</PageHeading>
        <p>
          Open the link from the email exactly as it was sent, or <Link to="/forgot-password">ask for a new link</Link>.
        </p>
      </div>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = validate(PasswordResetConfirm, { token, password });
    if (!body) return;
    if (password !== confirm) {
      show({ confirm: "The two passwords don't match" });
      return;
    }
    clear();
    mutation.mutate(body);
  };

  return (
    <div className="card card--narrow">
      <PageHeading>Choose a new password</PageHeading>
      <ErrorSummary errors={errors} fields={fields} />
      {linkExpired ? (
        <p className="notice notice--warning">
          Reset links work only once and expire after a while. <Link to="/forgot-password">Ask for a new link</Link>.
        </p>
      ) : null}
      <form onSubmit={submit} noValidate className="form">
        <TextField
          id="reset-password"
          label="New password"
          type="password"
          value={password}
          onChange={setPassword}
          error={errors.fields.password}
          hint="At least 10 characters, not a common password and not your email or name."
          autoComplete="new-password"
          required
        />
        <TextField
          id="reset-confirm"
          label="Repeat new password"
          type="password"
          value={confirm}
          onChange={setConfirm}
          error={errors.fields.confirm}
          autoComplete="new-password"
          required
        />
        <SubmitButton pending={mutation.isPending} pendingLabel="Saving…">
          Save new password
        </SubmitButton>
      </form>
    </div>
  );
}
