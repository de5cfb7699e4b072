import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { SetupRequest } from "../../../contracts/auth";
import { CheckboxField } from "../../components/checkbox-field";
import { ErrorSummary, type FieldTargets } from "../../components/error-summary";
import { PageHeading } from "../../components/page-heading";
import { SubmitButton } from "../../components/submit-button";
import { TextField } from "../../components/text-field";
import { isApiError } from "../../lib/api";
import { setFlash } from "../../lib/flash";
import { useFormErrors } from "../../lib/form-errors";
import { storeSession } from "../auth/session";
import { completeSetup, type SetupStatusInfo, setupStatusQueryOptions } from "./setup-api";

const fields: FieldTargets = {
  name: { label: "Your name", target: "setup-name" },
  email: { label: "Email", target: "setup-email" },
  password: { label: "Password", target: "setup-password" },
};

/** First run: the person installing Grove creates the instance's admin account. */
export function SetupPage() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { errors, clear, validate, showApiError } = useFormErrors();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [demo, setDemo] = useState(false);

  const markSetUp = () =>
    queryClient.setQueryData<SetupStatusInfo>(setupStatusQueryOptions.queryKey, (status) =>
      status ? { ...status, needsSetup: false } : status,
    );

  const setup = useMutation({
    mutationFn: completeSetup,
    onSuccess: async (session) => {
      storeSession(queryClient, session);
      markSetUp();
      setFlash(`Welcome, ${session.user.name}. Your admin account is ready.`, "/programmes");
      await navigate({ to: "/programmes" });
    },
    onError: async (error) => {
      if (isApiError(error, "already_set_up")) {
        markSetUp();
        setFlash("Grove has already been set up. Sign in with your account.", "/sign-in");
        await navigate({ to: "/sign-in" });
        return;
      }
      showApiError(error);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = validate(SetupRequest, { name, email, password, demo });
    if (!body) return;
    clear();
    setup.mutate(body);
  };

  return (
    <div className="card card--narrow">
      <PageHeading>Set up Grove</PageHeading>
      <p className="lead">
        This instance has no accounts yet. Create the administrator account: it can add people, run programmes and look after this
        installation.
      </p>
      <ErrorSummary errors={errors} fields={fields} />
      <form onSubmit={submit} noValidate className="form">
        <TextField
          id="setup-name"
          label="Your name"
          value={name}
          onChange={setName}
          error={errors.fields.name}
          autoComplete="name"
          required
        />
        <TextField
          id="setup-email"
          label="Email"
          type="email"
          value={email}
          onChange={setEmail}
          error={errors.fields.email}
          autoComplete="email"
          spellCheck={false}
          required
        />
        <TextField
          id="setup-password"
          label="Password"
          type="password"
          value={password}
          onChange={setPassword}
          error={errors.fields.password}
          hint="At least 10 characters, not a common password and not your email or name. A few unrelated words make a strong, memorable one."
          autoComplete="new-password"
          required
        />
        <CheckboxField
          id="setup-demo"
          label="Also load a sample mentoring programme"
          checked={demo}
          onChange={setDemo}
          hint="About 60 fictional developers with varied stacks and time zones, some applications waiting for review. Nobody is emailed; archive it when you are done looking."
        />
        <SubmitButton pending={setup.isPending} pendingLabel={demo ? "Creating your account and the sample…" : "Creating your account…"}>
          Create admin account
        </SubmitButton>
      </form>
    </div>
  );
}
