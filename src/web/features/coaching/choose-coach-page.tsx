import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { TextField } from "../../components/text-field";
import { announce } from "../../lib/announce";
import { browserTimeZone } from "../../lib/dates";
import { ProgrammeSection } from "../programmes/programme-section";
import { formatInstant, zoneLabel } from "../workspace/workspace-format";
import { CoachProfileDetails } from "./coach-profile-details";
import { coachingKeys, markChemistryCall, myShortlistQuery, pickCoach, planChemistryCall, type ShortlistT } from "./coaching-api";
import "./coaching.css";

const route = getRouteApi("/_app/programmes/$programmeId/choose-a-coach");

type Offered = ShortlistT["coaches"][number];

/**
 * The coachee's shortlist: a few coaches the programme's matching picked, each with their
 * profile and why they fit, factor by factor. A short chemistry call with any of them is
 * recorded but never counted; the coachee then chooses one, and the coach accepts.
 */
export function ChooseCoachPage() {
  const { programmeId } = route.useParams();
  return (
    <ProgrammeSection programmeId={programmeId} title="Choose your coach" coordinatorsOnly={false}>
      {() => <Shortlist programmeId={programmeId} />}
    </ProgrammeSection>
  );
}

function Shortlist({ programmeId }: { programmeId: string }) {
  const query = useQuery(myShortlistQuery(programmeId));
  if (query.isPending) return <LoadingState label="Loading your shortlist…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const s = query.data.shortlist;
  if (!s)
    return (
      <div className="empty">
        <h2 className="empty__title">No shortlist yet</h2>
        <p>Your coordinator shortlists a few coaches for you once you are approved. You will get an email when they are ready.</p>
      </div>
    );
  if (s.status === "picked" && s.engagementId)
    return (
      <div className="notice notice--success" role="status">
        <p>You chose your coach. The engagement starts once they accept; you will get an email.</p>
        <p>
          <Link to="/pairs/$pairId" params={{ pairId: s.engagementId }}>
            Open the engagement
          </Link>
        </p>
      </div>
    );
  return (
    <>
      <p className="lead">
        {s.package.name}: {s.package.sessions} sessions of {s.package.sessionMinutes} minutes within {s.package.periodWeeks} weeks. Read the
        profiles, have a short chemistry call with anyone you like (it does not count against the sessions), then choose.
      </p>
      {s.declinedBy.length > 0 ? (
        <p className="notice notice--warning" role="note">
          A coach you chose could not take you on. Choose another from your shortlist.
        </p>
      ) : null}
      <ol className="card-list" aria-label="Coaches offered to you, best fit first">
        {s.coaches.map((c) => (
          <li key={c.enrolmentId}>
            <OfferedCoach shortlist={s} coach={c} declined={s.declinedBy.includes(c.enrolmentId)} />
          </li>
        ))}
      </ol>
    </>
  );
}

function OfferedCoach({ shortlist, coach: c, declined }: { shortlist: ShortlistT; coach: Offered; declined: boolean }) {
  const queryClient = useQueryClient();
  const [choosing, setChoosing] = useState(false);
  const headingId = `coach-${c.enrolmentId}`;
  const pick = useMutation({
    mutationFn: () => pickCoach(shortlist.id, c.enrolmentId),
    onSuccess: (saved) => {
      setChoosing(false);
      queryClient.setQueryData(coachingKeys.myShortlist(shortlist.programmeId), { shortlist: saved });
      announce(`You chose ${c.profile.name}. They have been asked to accept.`);
    },
  });
  return (
    <article className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {c.rank}. {c.profile.name}
      </h2>
      <p className="coach-card__meta">Fit {c.score} of 100</p>
      <h3>Why we suggest them</h3>
      <ul>
        {c.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <details>
        <summary>The fit, factor by factor</summary>
        <table className="data-table factor-table">
          <thead>
            <tr>
              <th scope="col">Factor</th>
              <th scope="col">Match</th>
              <th scope="col">Points</th>
            </tr>
          </thead>
          <tbody>
            {c.factors.map((f) => (
              <tr key={f.factor}>
                <td>{f.label}</td>
                <td>{f.value === null ? "Not known" : `${Math.round(f.value * 100)}%`}</td>
                <td>{f.points}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <CoachProfileDetails profile={c.profile} />
      <ChemistryCalls shortlist={shortlist} coach={c} />
      {declined ? (
        <p className="muted">This coach could not take you on.</p>
      ) : (
        <button type="button" className="button button--primary" onClick={() => setChoosing(true)}>
          Choose {c.profile.name}
        </button>
      )}
      <ConfirmDialog
        open={choosing}
        title={`Choose ${c.profile.name} as your coach?`}
        confirmLabel="Choose"
        pendingLabel="Choosing…"
        pending={pick.isPending}
        error={pick.isError ? pick.error.message : undefined}
        onConfirm={() => pick.mutate()}
        onCancel={() => setChoosing(false)}
      >
        <p>{c.profile.name} is asked to accept. Your other shortlisted coaches are not told anything.</p>
      </ConfirmDialog>
    </article>
  );
}

function ChemistryCalls({ shortlist, coach: c }: { shortlist: ShortlistT; coach: Offered }) {
  const queryClient = useQueryClient();
  const zone = browserTimeZone();
  const [at, setAt] = useState("");
  const [minutes, setMinutes] = useState("20");
  const [error, setError] = useState<string | undefined>();
  const refresh = (saved?: ShortlistT) =>
    saved
      ? queryClient.setQueryData(coachingKeys.myShortlist(shortlist.programmeId), { shortlist: saved })
      : queryClient.invalidateQueries({ queryKey: coachingKeys.myShortlist(shortlist.programmeId) });
  const plan = useMutation({
    mutationFn: () =>
      planChemistryCall(shortlist.id, { coachEnrolmentId: c.enrolmentId, at: new Date(at).toISOString(), minutes: Number(minutes) }),
    onSuccess: (saved) => {
      refresh(saved);
      setAt("");
      announce(`Chemistry call with ${c.profile.name} recorded; they have been told the time.`);
    },
    onError: (e) => setError(e.message),
  });
  const mark = useMutation({
    mutationFn: (v: { callId: string; status: "held" | "cancelled" }) => markChemistryCall(shortlist.id, v.callId, v.status),
    onSuccess: () => refresh(),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (!at || Number.isNaN(new Date(at).getTime())) {
      setError("Choose the date and time of the call.");
      return;
    }
    plan.mutate();
  };
  return (
    <div className="coach-card__section">
      <h3>Chemistry calls</h3>
      {c.chemistryCalls.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <ul>
          {c.chemistryCalls.map((k) => (
            <li key={k.id}>
              {formatInstant(k.at, zone)}, {k.minutes} minutes · {k.status}{" "}
              {k.status === "planned" ? (
                <>
                  <button type="button" className="button button--link" onClick={() => mark.mutate({ callId: k.id, status: "held" })}>
                    It took place
                  </button>{" "}
                  <button type="button" className="button button--link" onClick={() => mark.mutate({ callId: k.id, status: "cancelled" })}>
                    Cancel it
                  </button>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <form className="form form--inline" onSubmit={submit} noValidate aria-label={`Plan a chemistry call with ${c.profile.name}`}>
        <TextField
          id={`chem-at-${c.enrolmentId}`}
          label="When"
          hint={`In your time zone (${zoneLabel(zone)}).`}
          type="datetime-local"
          value={at}
          onChange={setAt}
          error={error}
        />
        <TextField id={`chem-min-${c.enrolmentId}`} label="Minutes" type="number" min={10} max={60} value={minutes} onChange={setMinutes} />
        <button type="submit" className="button button--secondary" disabled={plan.isPending}>
          {plan.isPending ? "Recording…" : "Record a chemistry call"}
        </button>
      </form>
    </div>
  );
}
