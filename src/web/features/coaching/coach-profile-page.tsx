import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { CoachProfileFields } from "../../../contracts/coaching";
import { ErrorState } from "../../components/error-state";
import { ErrorSummary } from "../../components/error-summary";
import { LoadingState } from "../../components/loading-state";
import { SubmitButton } from "../../components/submit-button";
import { TextAreaField } from "../../components/text-area-field";
import { TextField } from "../../components/text-field";
import { announce } from "../../lib/announce";
import { isApiError } from "../../lib/api";
import { nestedField, useFormErrors } from "../../lib/form-errors";
import { TagsField } from "../intake/tags-field";
import { TimeZoneField } from "../intake/timezone-field";
import { ProgrammeSection } from "../programmes/programme-section";
import { CoachProfileDetails } from "./coach-profile-details";
import { type CoachProfileT, coachingKeys, coachQuery, updateCoach } from "./coaching-api";

const route = getRouteApi("/_app/programmes/$programmeId/coaching/coaches/$enrolmentId");

type Credential = { body: string; level: string; year: string };

const fields = {
  credentials: { label: "Credentials", target: "credential-0-body" },
  specialisms: { label: "Specialisms", target: "coach-specialisms-new" },
  approach: { label: "How you work", target: "coach-approach" },
  languages: { label: "Languages", target: "coach-languages-new" },
  timeZones: { label: "Time zones", target: "coach-zone-0" },
  bio: { label: "Bio", target: "coach-bio" },
  capacity: { label: "Engagements at once", target: "coach-capacity" },
};

/**
 * A coach's profile: what coachees read before choosing. The coach keeps it up to date;
 * a coordinator may edit it too. It starts from the coach's intake answers.
 */
export function CoachProfilePage() {
  const { programmeId, enrolmentId } = route.useParams();
  const query = useQuery(coachQuery(programmeId, enrolmentId));
  return (
    <ProgrammeSection programmeId={programmeId} title="Coach profile" coordinatorsOnly={false}>
      {() =>
        query.isPending ? (
          <LoadingState label="Loading the profile…" />
        ) : query.isError ? (
          isApiError(query.error) && query.error.status === 404 ? (
            <p>There is no coach profile here that you can see.</p>
          ) : (
            <ErrorState error={query.error} onRetry={() => void query.refetch()} />
          )
        ) : (
          <ProfileEditor key={query.data.version} programmeId={programmeId} profile={query.data} />
        )
      }
    </ProgrammeSection>
  );
}

function ProfileEditor({ programmeId, profile: p }: { programmeId: string; profile: CoachProfileT }) {
  const queryClient = useQueryClient();
  const [credentials, setCredentials] = useState<Credential[]>(() =>
    p.credentials.map((c) => ({ body: c.body, level: c.level, year: c.year ? String(c.year) : "" })),
  );
  const [specialisms, setSpecialisms] = useState(p.specialisms);
  const [approach, setApproach] = useState(p.approach);
  const [languages, setLanguages] = useState(p.languages);
  const [timeZones, setTimeZones] = useState(p.timeZones.length ? p.timeZones : [""]);
  const [bio, setBio] = useState(p.bio);
  const [capacity, setCapacity] = useState(String(p.capacity));
  const { errors, clear, validate, showApiError } = useFormErrors(nestedField(1));
  const body = () => ({
    credentials: credentials
      .filter((c) => c.body.trim())
      .map((c) => ({ body: c.body, level: c.level, year: c.year ? Number(c.year) : null })),
    specialisms,
    approach,
    languages,
    timeZones: timeZones.filter(Boolean),
    bio,
    capacity: Number(capacity),
  });
  const save = useMutation({
    mutationFn: () => updateCoach(programmeId, p.enrolmentId, { ...body(), version: p.version }),
    onSuccess: (saved) => {
      queryClient.setQueryData(coachingKeys.coach(programmeId, p.enrolmentId), saved);
      void queryClient.invalidateQueries({ queryKey: coachingKeys.coaches(programmeId) });
      announce("Profile saved.");
    },
    onError: showApiError,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    if (validate(CoachProfileFields, body())) save.mutate();
  };
  return (
    <>
      <h2>{p.name}</h2>
      <p className="muted">
        {p.engagements} of {p.capacity} engagements taken{p.version === 0 ? " · read from the intake answers until first saved" : ""}.
      </p>
      <details>
        <summary>How coachees see it</summary>
        <CoachProfileDetails profile={p} />
      </details>
      <form className="form" onSubmit={submit} noValidate aria-label="Edit the coach profile">
        <ErrorSummary errors={errors} fields={fields} />
        <fieldset className="form-section">
          <legend>Credentials</legend>
          {credentials.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
            <div className="form__row" key={i}>
              <TextField
                id={`credential-${i}-body`}
                label="Accrediting body"
                value={c.body}
                onChange={(v) => setCredentials((l) => l.map((x, j) => (j === i ? { ...x, body: v } : x)))}
              />
              <TextField
                id={`credential-${i}-level`}
                label="Level"
                value={c.level}
                onChange={(v) => setCredentials((l) => l.map((x, j) => (j === i ? { ...x, level: v } : x)))}
              />
              <TextField
                id={`credential-${i}-year`}
                label="Year"
                inputMode="numeric"
                value={c.year}
                onChange={(v) => setCredentials((l) => l.map((x, j) => (j === i ? { ...x, year: v } : x)))}
              />
              <button type="button" className="button button--link" onClick={() => setCredentials((l) => l.filter((_, j) => j !== i))}>
                Remove<span className="visually-hidden"> credential {i + 1}</span>
              </button>
            </div>
          ))}
          {errors.fields.credentials ? <p className="field__error">{errors.fields.credentials}</p> : null}
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setCredentials((l) => [...l, { body: "", level: "", year: "" }])}
          >
            Add a credential
          </button>
        </fieldset>
        <TagsField
          id="coach-specialisms"
          label="Specialisms"
          hint="Skills from the programme's skills list, such as Code Review or Kubernetes."
          optional
          value={specialisms}
          onChange={setSpecialisms}
          error={errors.fields.specialisms}
        />
        <TextAreaField
          id="coach-approach"
          label="How you work"
          hint="The approach and frameworks you use."
          value={approach}
          onChange={setApproach}
          error={errors.fields.approach}
          rows={4}
          maxLength={2000}
        />
        <TagsField
          id="coach-languages"
          label="Languages you coach in"
          optional={false}
          value={languages}
          onChange={setLanguages}
          error={errors.fields.languages}
        />
        <fieldset className="form-section">
          <legend>Time zones you work in</legend>
          {timeZones.map((z, i) => (
            <TimeZoneField
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
              key={i}
              id={`coach-zone-${i}`}
              label={i === 0 ? "Main time zone" : `Time zone ${i + 1}`}
              optional={i > 0}
              value={z}
              onChange={(v) => setTimeZones((l) => l.map((x, j) => (j === i ? v : x)))}
              error={i === 0 ? errors.fields.timeZones : undefined}
            />
          ))}
          {timeZones.length < 5 ? (
            <button type="button" className="button button--secondary button--small" onClick={() => setTimeZones((l) => [...l, ""])}>
              Add a time zone
            </button>
          ) : null}
        </fieldset>
        <TextAreaField
          id="coach-bio"
          label="A short bio"
          value={bio}
          onChange={setBio}
          error={errors.fields.bio}
          rows={4}
          maxLength={2000}
        />
        <TextField
          id="coach-capacity"
          label="Engagements at once"
          hint="0 takes no new ones."
          type="number"
          min={0}
          max={20}
          value={capacity}
          onChange={setCapacity}
          error={errors.fields.capacity}
        />
        <SubmitButton pending={save.isPending} pendingLabel="Saving…">
          Save the profile
        </SubmitButton>
      </form>
    </>
  );
}
