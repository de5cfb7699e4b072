import { useMutation, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Email } from "../../../contracts/common";
import { rulesFor } from "../../../core/programme-modes";
import { ErrorSummary, type FieldTargets } from "../../components/error-summary";
import { RadioGroup } from "../../components/radio-group";
import { SubmitButton } from "../../components/submit-button";
import { TextAreaField } from "../../components/text-area-field";
import { useFormErrors } from "../../lib/form-errors";
import type { IntakeRoleName } from "../enrolment/enrolment-api";
import { intakeRoleHints, intakeRoleLabels } from "../enrolment/enrolment-labels";
import { ProgrammeSection } from "../programmes/programme-section";
import type { Programme } from "../programmes/programmes-api";
import { type InvitationResult, invite, participantKeys } from "./participants-api";
import { SentInvitations } from "./sent-invitations";

const route = getRouteApi("/_app/programmes/$programmeId/invite");

export function InvitePage() {
  const { programmeId } = route.useParams();
  return (
    <ProgrammeSection programmeId={programmeId} title="Invite people">
      {(programme) => <Invite programme={programme} />}
    </ProgrammeSection>
  );
}

/** Addresses as typed: one per line, or separated by commas, semicolons or spaces. */
export function splitEmails(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((part) => part.trim())
    .filter(Boolean);
}

const fields: FieldTargets = {
  emails: { label: "Email addresses", target: "invite-emails" },
  role: { label: "Role", target: "invite-role-input" },
};

function Invite({ programme }: { programme: Programme }) {
  const roles = rulesFor(programme.type).roles.invitable;
  const queryClient = useQueryClient();
  const { errors, clear, show, showApiError } = useFormErrors();
  const [text, setText] = useState("");
  const [role, setRole] = useState<IntakeRoleName>(roles[1]);
  const [result, setResult] = useState<InvitationResult | null>(null);
  const resultRef = useRef<HTMLElement>(null);
  const open = programme.status === "draft" || programme.status === "open" || programme.status === "matching";

  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  const mutation = useMutation({
    mutationFn: (body: { emails: string[]; role: IntakeRoleName }) => invite(programme.id, body),
    onSuccess: async (answer) => {
      setResult(answer);
      setText(answer.skipped.map((skip) => skip.email).join("\n"));
      await queryClient.invalidateQueries({ queryKey: participantKeys.all(programme.id) });
    },
    onError: showApiError,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    const parts = splitEmails(text);
    if (parts.length === 0) return show({ emails: "Add at least one email" });
    const bad = parts.filter((part) => !Email.safeParse(part).success);
    if (bad.length > 0) {
      return show({
        emails: `${bad.length === 1 ? "This doesn't" : "These don't"} look like an email address: ${bad.slice(0, 5).join(", ")}${bad.length > 5 ? ` and ${bad.length - 5} more` : ""}`,
      });
    }
    if (parts.length > 500) return show({ emails: "Invite at most 500 people at once" });
    clear();
    mutation.mutate({ emails: parts.map((part) => part.toLowerCase()), role });
  };

  if (!open) {
    return (
      <p className="notice notice--warning">
        A programme that is {programme.status} doesn't take new participants, so invitations can't be sent. Invitations work while it is a
        draft, taking applications or matching.
      </p>
    );
  }

  return (
    <>
      <p>
        Each person gets an email with a link of their own. It works once, for 14 days. Opening it shows the{" "}
        {intakeRoleLabels[role].toLowerCase()} form; once they answer it they have a place straight away, without review. People without a
        Grove account create one as they accept.
      </p>
      {result ? (
        <section className="notice notice--success invite-result" tabIndex={-1} ref={resultRef} aria-labelledby="invite-result-title">
          <h2 id="invite-result-title" className="notice__title">
            {result.invited.length === 0
              ? "Nobody new was invited"
              : `${result.invited.length} ${result.invited.length === 1 ? "invitation" : "invitations"} sent`}
          </h2>
          {result.invited.length > 0 ? (
            <>
              <p>Invited:</p>
              <ul>
                {result.invited.map((email) => (
                  <li key={email}>{email}</li>
                ))}
              </ul>
            </>
          ) : null}
          {result.skipped.length > 0 ? (
            <>
              <p>Skipped, and left in the box below:</p>
              <ul>
                {result.skipped.map((skip) => (
                  <li key={skip.email}>
                    {skip.email}: {skip.reason}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <p>
            They appear on the{" "}
            <Link to="/programmes/$programmeId/participants" params={{ programmeId: programme.id }}>
              Participants
            </Link>{" "}
            page once they accept.
          </p>
        </section>
      ) : null}
      <section aria-labelledby="invite-form-title" className="card">
        <h2 id="invite-form-title">Who to invite</h2>
        <ErrorSummary errors={errors} fields={fields} formTitle="No invitations were sent" />
        <form className="form" onSubmit={submit} noValidate>
          <RadioGroup
            id="invite-role"
            name="invite-role"
            legend="Invite them as"
            value={role}
            options={roles.map((r) => ({ value: r, label: intakeRoleLabels[r], hint: intakeRoleHints[r] }))}
            onChange={(value) => setRole(value as IntakeRoleName)}
            error={errors.fields.role}
          />
          <TextAreaField
            id="invite-emails"
            label="Email addresses"
            value={text}
            onChange={setText}
            error={errors.fields.emails}
            hint="One per line, or separated by commas. Up to 500 at a time. People already taking part are skipped."
            rows={6}
            spellCheck={false}
          />
          <SubmitButton pending={mutation.isPending} pendingLabel="Sending invitations…">
            Send invitations
          </SubmitButton>
        </form>
      </section>
      <SentInvitations programmeId={programme.id} />
    </>
  );
}
