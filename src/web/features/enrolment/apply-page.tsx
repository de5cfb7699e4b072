import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { NewAccount } from "../../../contracts/enrolment";
import { ErrorState } from "../../components/error-state";
import { ErrorSummary, type FieldTargets } from "../../components/error-summary";
import { LoadingState } from "../../components/loading-state";
import { PageHeading } from "../../components/page-heading";
import { RadioGroup } from "../../components/radio-group";
import { SubmitButton } from "../../components/submit-button";
import { isApiError } from "../../lib/api";
import { formatDate, formatDateTime } from "../../lib/dates";
import { setFlash } from "../../lib/flash";
import { type FieldErrors, issuesToFieldErrors, nestedField, useFormErrors } from "../../lib/form-errors";
import type { SessionInfo } from "../auth/auth-api";
import { sessionQueryOptions, storeSession } from "../auth/session";
import { type AnswerDraft, checkAnswers, type DraftValue, draftFromAnswers, questionTargets } from "../intake/answer-draft";
import { IntakeFormFields } from "../intake/intake-form-fields";
import { programmeKeys } from "../programmes/programmes-api";
import { type AccountDraft, AccountFields, accountTargets } from "./account-fields";
import {
  type ApplicationPage,
  applicationPageQuery,
  type IntakeRoleName,
  myEnrolmentQuery,
  type OwnEnrolment,
  submitApplication,
} from "./enrolment-api";
import { enrolmentStatusLabels, intakeRoleHints, intakeRoleLabels } from "./enrolment-labels";

const route = getRouteApi("/_public_wide/apply/$slug");
const fieldKey = nestedField(2);

export function ApplyPage() {
  const { slug } = route.useParams();
  const query = useQuery(applicationPageQuery(slug));
  const session = useQuery(sessionQueryOptions);

  if (!query.data) {
    if (query.isError) {
      const missing = isApiError(query.error) && query.error.status === 404;
      return (
        <>
          <PageHeading>{missing ? "Programme not found" : "Apply"}</PageHeading>
          {missing ? (
            <p>
              There is no programme taking applications at this address. Check the link with whoever shared it: the programme may not be
              published yet.
            </p>
          ) : (
            <ErrorState error={query.error} onRetry={() => void query.refetch()} />
          )}
        </>
      );
    }
    return (
      <>
        <PageHeading>Apply</PageHeading>
        <LoadingState label="Loading the application form…" />
      </>
    );
  }
  if (session.isPending) return <LoadingState label="Checking whether you are signed in…" />;

  return <Application page={query.data} signedIn={session.data ?? null} />;
}

type Session = SessionInfo;

function Application({ page, signedIn }: { page: ApplicationPage; signedIn: Session | null }) {
  const { programme } = page;
  // Someone signed in may already have an application here.
  const existing = useQuery({ ...myEnrolmentQuery(programme.id), enabled: signedIn !== null });
  const existingEnrolment = existing.data;

  return (
    <>
      <PageHeading title={`Apply to ${programme.name}`}>Apply to {programme.name}</PageHeading>
      <section aria-labelledby="apply-about" className="card">
        <h2 id="apply-about">About the programme</h2>
        {programme.description ? <p className="prose">{programme.description}</p> : null}
        <p>
          The term runs from {formatDate(programme.termStart)} to {formatDate(programme.termEnd)}.
        </p>
        <WindowNotice page={page} />
      </section>

      {signedIn && existing.isPending ? <LoadingState label="Checking for an earlier application…" /> : null}
      {existingEnrolment && existingEnrolment.status !== "withdrawn" ? (
        <AlreadyApplied enrolment={existingEnrolment} />
      ) : programme.acceptingApplications && !(signedIn && existing.isPending) ? (
        <ApplicationForm page={page} signedIn={signedIn} previous={existingEnrolment ?? null} />
      ) : null}
    </>
  );
}

function WindowNotice({ page }: { page: ApplicationPage }) {
  const { programme } = page;
  const now = Date.now();
  if (programme.acceptingApplications) {
    return (
      <p className="notice notice--success">
        {programme.applicationsCloseAt
          ? `Applications are open until ${formatDateTime(programme.applicationsCloseAt)}.`
          : "Applications are open."}
      </p>
    );
  }
  if (programme.applicationsOpenAt && Date.parse(programme.applicationsOpenAt) > now) {
    return (
      <p className="notice notice--warning">
        Applications open on {formatDateTime(programme.applicationsOpenAt)}. Come back then to apply.
      </p>
    );
  }
  if (programme.applicationsCloseAt && Date.parse(programme.applicationsCloseAt) <= now) {
    return (
      <p className="notice notice--warning">
        Applications closed on {formatDateTime(programme.applicationsCloseAt)}. Ask the coordinator if you'd still like to take part.
      </p>
    );
  }
  return <p className="notice notice--warning">This programme isn't taking applications right now. Ask the coordinator when it will.</p>;
}

function AlreadyApplied({ enrolment }: { enrolment: OwnEnrolment }) {
  return (
    <section aria-labelledby="apply-existing" className="card">
      <h2 id="apply-existing">You have applied already</h2>
      <p>
        Your application as {intakeRoleLabels[enrolment.role].toLowerCase()} is: <strong>{enrolmentStatusLabels[enrolment.status]}</strong>.
        {enrolment.status === "declined" ? " A declined application is final for this programme." : ""}
      </p>
      <Link to="/programmes/$programmeId/my-enrolment" params={{ programmeId: enrolment.programme.id }} className="button button--primary">
        See your enrolment
      </Link>
    </section>
  );
}

function ApplicationForm({ page, signedIn, previous }: { page: ApplicationPage; signedIn: Session | null; previous: OwnEnrolment | null }) {
  const { programme, forms } = page;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { errors, clear, show, showApiError } = useFormErrors(fieldKey);
  const [role, setRole] = useState<IntakeRoleName | "">(previous?.role ?? (forms.length === 1 ? forms[0].role : ""));
  const [draft, setDraft] = useState<AnswerDraft>(() =>
    draftFromAnswers(
      forms.flatMap((form) => form.questions),
      previous?.answers ?? {},
    ),
  );
  const [account, setAccount] = useState<AccountDraft>({ name: "", email: "", password: "" });
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = forms.find((f) => f.role === role);
  const questions = form?.questions ?? [];

  const mutation = useMutation({
    mutationFn: (body: Parameters<typeof submitApplication>[1]) => submitApplication(programme.slug, body),
    onSuccess: async (result) => {
      if ("status" in result) {
        setSentTo(result.email);
        return;
      }
      if (result.session) storeSession(queryClient, result.session);
      await queryClient.invalidateQueries({ queryKey: programmeKeys.all });
      const path = `/programmes/${programme.id}/my-enrolment`;
      setFlash(`Your application to “${programme.name}” has been sent. We've emailed you a copy.`, path);
      await navigate({ to: "/programmes/$programmeId/my-enrolment", params: { programmeId: programme.id } });
    },
    onError: showApiError,
  });

  const fields: FieldTargets = {
    role: { label: "How you want to take part", target: "apply-role-input" },
    ...questionTargets("apply", questions),
    ...(signedIn ? {} : accountTargets("apply-account", true)),
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: FieldErrors = {};
    if (!form) problems.role = `Choose whether you want to take part as a ${forms.map((f) => f.role).join(" or a ")}`;
    const checked = checkAnswers(questions, draft);
    Object.assign(problems, checked.problems ?? {});
    let newAccount: { name: string; email: string; password: string } | undefined;
    if (!signedIn) {
      const parsed = NewAccount.safeParse(account);
      if (parsed.success) newAccount = parsed.data;
      else
        Object.assign(
          problems,
          issuesToFieldErrors(parsed.error.issues, (path) => `account.${String(path[0] ?? "")}`),
        );
    }
    if (Object.keys(problems).length > 0 || !form) return show(problems);
    clear();
    mutation.mutate({ role: form.role, answers: checked.answers, ...(newAccount ? { account: newAccount } : {}) });
  };

  const alreadyApplied = isApiError(mutation.error, "already_applied");
  const signInPath = `/apply/${programme.slug}`;

  if (sentTo) return <CheckYourEmail email={sentTo} programme={programme} />;

  return (
    <section aria-labelledby="apply-form-title" className="card">
      <h2 id="apply-form-title">Your application</h2>
      {previous ? (
        <p className="notice notice--warning">
          You withdrew an earlier application. Your previous answers are filled in below; check them before applying again.
        </p>
      ) : null}
      <ErrorSummary errors={errors} fields={fields} formTitle="Your application wasn't sent" />
      {alreadyApplied ? (
        <p>
          <Link to="/programmes/$programmeId/my-enrolment" params={{ programmeId: programme.id }}>
            See your application
          </Link>
        </p>
      ) : null}
      <form onSubmit={submit} noValidate className="form">
        <RadioGroup
          id="apply-role"
          name="apply-role"
          legend="How do you want to take part?"
          value={role}
          options={forms.map((f) => ({ value: f.role, label: intakeRoleLabels[f.role], hint: intakeRoleHints[f.role] }))}
          onChange={(value) => setRole(value as IntakeRoleName)}
          error={errors.fields.role}
        />
        {form ? (
          <fieldset className="form-section">
            <legend>About you as a {intakeRoleLabels[form.role].toLowerCase()}</legend>
            <IntakeFormFields
              idPrefix="apply"
              questions={questions}
              values={draft}
              onChange={(key: string, value: DraftValue) => setDraft((current) => ({ ...current, [key]: value }))}
              errors={errors.fields}
            />
          </fieldset>
        ) : (
          <p className="muted">Choose how you want to take part to see the questions for that role.</p>
        )}
        {signedIn ? (
          <p>
            You are applying as <strong>{signedIn.user.name}</strong> ({signedIn.user.email}).
          </p>
        ) : (
          <fieldset className="form-section">
            <legend>Your Grove account</legend>
            <p className="field__hint">
              Applying creates your account, so you can follow your application and change your answers later. Already have an account?{" "}
              <Link to="/sign-in" search={{ redirect: signInPath }}>
                Sign in first
              </Link>{" "}
              and you'll come back here.
            </p>
            <AccountFields idPrefix="apply-account" value={account} onChange={setAccount} errors={errors.fields} />
          </fieldset>
        )}
        <SubmitButton pending={mutation.isPending} pendingLabel="Sending…">
          Send application
        </SubmitButton>
      </form>
    </section>
  );
}

/**
 * After applying without signing in. The server answers the same whether or not the
 * address already had an account (so nobody can use the form to find out), and the
 * email says which: a receipt for a new account, or a note to sign in and apply.
 */
function CheckYourEmail({ email, programme }: { email: string; programme: ApplicationPage["programme"] }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section aria-labelledby="apply-sent-title" className="card" role="status">
      <h2 id="apply-sent-title" tabIndex={-1} ref={headingRef}>
        Check your email
      </h2>
      <p>
        We are sending an email to <strong>{email}</strong> about your application to “{programme.name}”.
      </p>
      <p>
        If this address is new to Grove, your account is ready in a moment: sign in with it and the password you just chose to follow your
        application and start onboarding. If the address already has an account, the email explains how to sign in and apply.
      </p>
      <p>
        <Link to="/sign-in" search={{ redirect: `/programmes/${programme.id}/my-enrolment` }} className="button button--primary">
          Sign in
        </Link>
      </p>
    </section>
  );
}
