import { useMutation, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { SignInRequest } from "../../../contracts/auth";
import { ErrorSummary, type FieldTargets } from "../../components/error-summary";
import { PageHeading } from "../../components/page-heading";
import { SubmitButton } from "../../components/submit-button";
import { TextField } from "../../components/text-field";
import { clearFlash } from "../../lib/flash";
import { useFormErrors } from "../../lib/form-errors";
import { signIn } from "./auth-api";
import { storeSession } from "./session";

const route = getRouteApi("/_public/sign-in");

const fields: FieldTargets = {
  email: { label: "Email", target: "sign-in-email" },
  password: { label: "Password", target: "sign-in-password" },
};

export function SignInPage() {
  const { redirect } = route.useSearch();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { errors, clear, validate, showApiError } = useFormErrors();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");

  const mutation = useMutation({
    mutationFn: signIn,
    onSuccess: async (session) => {
      storeSession(queryClient, session);
      clearFlash();
      await navigate({ href: redirect ?? "/programmes", replace: true });
    },
    onError: (error) => {
      // Clear the password so the next attempt starts clean; keep the email.
      setPassword("");
      showApiError(error);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = validate(SignInRequest, { email, password });
    if (!body) return;
    clear();
    mutation.mutate(body);
  };

  return (
    <div className="card card--narrow">
      <PageHeading>Sign in to Grove</PageHeading>
      <ErrorSummary errors={errors} fields={fields} formTitle="Sign-in failed" />
      <form onSubmit={submit} noValidate className="form">
        <TextField
          id="sign-in-email"
          label="Email"
          type="email"
          value={email}
          onChange={setEmail}
          error={errors.fields.email}
          autoComplete="username"
          spellCheck={false}
          required
        />
        <TextField
          id="sign-in-password"
          label="Password"
          type="password"
          value={password}
          onChange={setPassword}
          error={errors.fields.password}
          autoComplete="current-password"
          required
        />
        <SubmitButton pending={mutation.isPending} pendingLabel="Signing in…">
          Sign in
        </SubmitButton>
      </form>
      <p className="card__footer">
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
    </div>
  );
}
