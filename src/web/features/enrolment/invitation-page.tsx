import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Password, PersonName } from "../../../contracts/common";
import { ErrorState } from "../../components/error-state";
import { ErrorSummary, type FieldTargets } from "../../components/error-summary";
import { LoadingState } from "../../components/loading-state";
import { PageHeading } from "../../components/page-heading";
import { SubmitButton } from "../../components/submit-button";
import { isApiError } from "../../lib/api";
import { formatDate, formatDateTime } from "../../lib/dates";
import { setFlash } from "../../lib/flash";
import { type FieldErrors, nestedField, useFormErrors } from "../../lib/form-errors";
import type { SessionInfo } from "../auth/auth-api";
import { sessionQueryOptions, storeSession } from "../auth/session";
import { useSignOut } from "../auth/use-sign-out";
import { type AnswerDraft, checkAnswers, type DraftValue, draftFromAnswers, questionTargets } from "../intake/answer-draft";
import { IntakeFormFields } from "../intake/intake-form-fields";
import { programmeKeys } from "../programmes/programmes-api";
import { type AccountDraft, AccountFields, accountTargets } from "./account-fields";
import { acceptInvitation, type InvitationInfo, invitationQuery } from "./enrolment-api";
import { intakeRoleHints, intakeRoleLabels } from "./enrolment-labels";

const route = getRouteApi("/_public_wide/invitations/$token");
const fieldKey = nestedField(2);

/** What each reason an invitation link no longer works means, and what to do next. */
function deadLink(code: string): { title: string; next: string } {
  switch (code) {
    case "invitation_used":
      return { title: "This invitation has been used", next: "Sign in to see your place in the programme." };
    case "invitation_expired":
      return { title: "This invitation has expired", next: "Invitations last 14 days. Ask the coordinator to send you a new one." };
    case "programme_closed":
      return { title: "This programme has closed its intake", next: "Ask the coordinator whether there is another way to join." };
    default:
      return { title: "This invitation link doesn't work", next: "Check that you opened the whole link from the email." };
  }
}

export function InvitationPage() {
  const { token } = route.useParams();
  const query = useQuery(invitationQuery(token));
  const session = useQuery(sessionQueryOptions);

  if (!query.data) {
    if (query.isError) {
      const error = query.error;
      if (isApiError(error) && (error.status === 404 || error.status === 410 || error.status === 400)) {
        const { title, next } = deadLink(error.code);
        return (
          <>
            <PageHeading>{title}</PageHeading>
            <p>{error.message}</p>
            <p>{next}</p>
            <p>
              <Link to="/sign-in">Sign in to Grove</Link>
            </p>
          </>
        );
      }
      return (
        <>
          <PageHeading>Your invitation</PageHeading>
          <ErrorState error={error} onRetry={() => void query.refetch()} />
        </>
      );
    }
    return (
      <>
        <PageHeading>Your invitation</PageHeading>
        <LoadingState label="Opening your invitation…" />
      </>
    );
  }
  if (session.isPending) return <LoadingState label="Checking whether you are signed in…" />;
  return <Invitation token={token} info={query.data} signedIn={session.data ?? null} />;
}

type Session = SessionInfo;

function Invitation({ token, info, signedIn }: { token: string; info: InvitationInfo; signedIn: Session | null }) {
  const role = intakeRoleLabels[info.role].toLowerCase();
  const wrongAccount = signedIn !== null && signedIn.user.email.toLowerCase() !== info.email.toLowerCase();
  return (
    <>
      <PageHeading title={`Join ${info.programme.name}`}>
        You're invited to join {info.programme.name} as a {role}
      </PageHeading>
      <section aria-labelledby="invitation-about" className="card">
        <h2 id="invitation-about">What this is</h2>
        <p>
          A coordinator of <strong>{info.programme.name}</strong> has offered <strong>{info.email}</strong> a place as a {role}. Answer the
          questions below to accept it: your place is confirmed straight away, with no further review.
        </p>
        <p className="muted">{intakeRoleHints[info.role]}</p>
        {info.programme.description ? <p className="prose">{info.programme.description}</p> : null}
        <p>
          The term runs from {formatDate(info.programme.termStart)} to {formatDate(info.programme.termEnd)}. This link works once and until{" "}
          {formatDateTime(info.expiresAt)}.
        </p>
      </section>
      {wrongAccount ? <WrongAccount info={info} signedIn={signedIn} /> : <AcceptForm token={token} info={info} signedIn={signedIn} />}
    </>
  );
}

function WrongAccount({ info, signedIn }: { info: InvitationInfo; signedIn: Session }) {
  const signOut = useSignOut("here");
  return (
    <section aria-labelledby="invitation-wrong" className="notice notice--warning">
      <h2 id="invitation-wrong" className="notice__title">
        You are signed in as someone else
      </h2>
      <p>
        This invitation is for {info.email}, but you are signed in as {signedIn.user.email}. Sign out, then open the link again to accept it
        as {info.email}.
      </p>
      <button type="button" className="button button--secondary" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
        {signOut.isPending ? "Signing out…" : "Sign out"}
      </button>
    </section>
  );
}

function AcceptForm({ token, info, signedIn }: { token: string; info: InvitationInfo; signedIn: Session | null }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { errors, clear, show, showApiError } = useFormErrors(fieldKey);
  const questions = info.form.questions;
  const [draft, setDraft] = useState<AnswerDraft>(() => draftFromAnswers(questions));
  const [account, setAccount] = useState<AccountDraft>({ name: "", email: info.email, password: "" });
  // Someone with an account signs in first. An account made by an import that never
  // had a password can set one here instead (the server tells which it is).
  const [settingPassword, setSettingPassword] = useState(false);
  const needsAccount = !signedIn && (!info.hasAccount || settingPassword);
  const signInPath = `/invitations/${token}`;
  const formTitleRef = useRef<HTMLHeadingElement>(null);

  // "Choose one while accepting" replaces the sign-in offer with the form: continue there.
  useEffect(() => {
    if (settingPassword) formTitleRef.current?.focus();
  }, [settingPassword]);

  const mutation = useMutation({
    mutationFn: (body: Parameters<typeof acceptInvitation>[1]) => acceptInvitation(token, body),
    onSuccess: async (result) => {
      if (result.session) storeSession(queryClient, result.session);
      await queryClient.invalidateQueries({ queryKey: programmeKeys.all });
      const programmeId = result.enrolment.programme.id;
      setFlash(
        `Welcome to “${info.programme.name}”. Your place as a ${intakeRoleLabels[info.role].toLowerCase()} is confirmed.`,
        `/programmes/${programmeId}/my-enrolment`,
      );
      await navigate({ to: "/programmes/$programmeId/my-enrolment", params: { programmeId } });
    },
    onError: showApiError,
  });

  const fields: FieldTargets = {
    ...questionTargets("invitation", questions),
    ...(needsAccount ? accountTargets("invitation-account", false) : {}),
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkAnswers(questions, draft);
    const problems: FieldErrors = { ...(checked.problems ?? {}) };
    if (needsAccount) {
      const name = PersonName.safeParse(account.name);
      const password = Password.safeParse(account.password);
      if (!name.success) problems["account.name"] = name.error.issues[0].message;
      if (!password.success) problems["account.password"] = password.error.issues[0].message;
    }
    if (Object.keys(problems).length > 0) return show(problems);
    clear();
    mutation.mutate({
      answers: checked.answers,
      ...(needsAccount ? { account: { name: account.name.trim(), password: account.password } } : {}),
    });
  };

  if (!signedIn && info.hasAccount && !settingPassword) {
    return (
      <section aria-labelledby="invitation-sign-in" className="card">
        <h2 id="invitation-sign-in">Sign in to accept</h2>
        <p>{info.email} already has a Grove account. Sign in with it and you'll come straight back here to answer the questions.</p>
        <p>
          <Link to="/sign-in" search={{ redirect: signInPath }} className="button button--primary">
            Sign in as {info.email}
          </Link>
        </p>
        <p className="field__hint">
          Added by your organisation and never chose a password?{" "}
          <button type="button" className="button button--link" onClick={() => setSettingPassword(true)}>
            Choose one while accepting
          </button>
          .
        </p>
      </section>
    );
  }

  return (
    <section aria-labelledby="invitation-form-title" className="card">
      <h2 id="invitation-form-title" ref={formTitleRef} tabIndex={-1}>
        Accept your place
      </h2>
      <ErrorSummary errors={errors} fields={fields} formTitle="Your place wasn't confirmed" />
      <form onSubmit={submit} noValidate className="form">
        <fieldset className="form-section">
          <legend>About you</legend>
          <IntakeFormFields
            idPrefix="invitation"
            questions={questions}
            values={draft}
            onChange={(key: string, value: DraftValue) => setDraft((current) => ({ ...current, [key]: value }))}
            errors={errors.fields}
          />
        </fieldset>
        {needsAccount ? (
          <fieldset className="form-section">
            <legend>Your Grove account</legend>
            <AccountFields
              idPrefix="invitation-account"
              value={account}
              onChange={setAccount}
              errors={errors.fields}
              fixedEmail={info.email}
            />
          </fieldset>
        ) : signedIn ? (
          <p>
            You are accepting as <strong>{signedIn.user.name}</strong> ({signedIn.user.email}).
          </p>
        ) : null}
        <SubmitButton pending={mutation.isPending} pendingLabel="Accepting…">
          Accept the invitation
        </SubmitButton>
      </form>
    </section>
  );
}
