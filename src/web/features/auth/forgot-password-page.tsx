import { useMutation } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { PasswordResetRequest } from "../../../contracts/auth";
import { ErrorSummary, type FieldTargets } from "../../components/error-summary";
import { PageHeading } from "../../components/page-heading";
import { SubmitButton } from "../../components/submit-button";
import { TextField } from "../../components/text-field";
import { useFormErrors } from "../../lib/form-errors";
import { requestPasswordReset } from "./auth-api";

const fields: FieldTargets = { email: { label: "Email", target: "forgot-email" } };

export function ForgotPasswordPage() {
  const { errors, clear, validate, showApiError } = useFormErrors();
  const [email, setEmail] = useState("");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const confirmation = useRef<HTMLDivElement>(null);

  const mutation = useMutation({
    mutationFn: requestPasswordReset,
    onSuccess: (_data, body) => setSentTo(body.email),
    onError: showApiError,
  });

  useEffect(() => {
    if (sentTo) confirmation.current?.focus();
  }, [sentTo]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = validate(PasswordResetRequest, { email });
    if (!body) return;
    clear();
    mutation.mutate(body);
  };

  return (
    <div className="card card--narrow">
      <PageHeading>Reset your password</PageHeading>
      {sentTo ? (
        <div className="notice notice--success" ref={confirmation} tabIndex={-1} role="status">
          <h2 className="notice__title">Check your email</h2>
          <p>
            If <strong>{sentTo}</strong> belongs to a Grove account, a message with a reset link is on its way. The link works once and
            expires after a short while.
          </p>
          <p>
            No message after a few minutes? Check your spam folder, or{" "}
            <button type="button" className="button button--link" onClick={() => setSentTo(null)}>
              try another address
            </button>
            .
          </p>
        </div>
      ) : (
        <>
          <p className="lead">Enter the email address you sign in with and we'll send you a link to choose a new password.</p>
          <ErrorSummary errors={errors} fields={fields} />
          <form onSubmit={submit} noValidate className="form">
            <TextField
              id="forgot-email"
              label="Email"
              type="email"
              value={email}
              onChange={setEmail}
              error={errors.fields.email}
              autoComplete="email"
              spellCheck={false}
              required
            />
            <SubmitButton pending={mutation.isPending} pendingLabel="Sending…">
              Send reset link
            </SubmitButton>
          </form>
        </>
      )}
      <p className="card__footer">
        <Link to="/sign-in">Back to sign in</Link>
      </p>
    </div>
  );
}
