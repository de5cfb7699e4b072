import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { PageHeading } from "../../components/page-heading";
import { TableScroll } from "../../components/table-scroll";
import { TextField } from "../../components/text-field";
import { announce } from "../../lib/announce";
import { isApiError } from "../../lib/api";
import {
  agreeOutcomes,
  coachingKeys,
  defineOutcome,
  type OutcomeBoardT,
  type OutcomeT,
  outcomesQuery,
  type Phase,
  rateOutcome,
  removeOutcome,
  updateOutcome,
} from "./coaching-api";
import { directionLabel, formatValue, PHASE_LABELS, RATER_GROUP_LABELS, STAGE_LABELS, targetMetLabel } from "./coaching-labels";
import { draftOf, OutcomeForm } from "./outcome-form";
import { StakeholdersSection } from "./stakeholders-section";
import "./coaching.css";

const route = getRouteApi("/_app/pairs/$pairId/outcomes");

/**
 * The engagement's outcomes: defined by the coach while contracting, agreed by coach,
 * coachee and sponsor, rated at the start, optionally half-way and at the end, and read
 * against the target once complete.
 */
export function OutcomesPage() {
  const { pairId } = route.useParams();
  const query = useQuery(outcomesQuery(pairId));
  return (
    <>
      <PageHeading>Outcomes</PageHeading>
      {query.isPending ? (
        <LoadingState label="Loading the outcomes…" />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Board pairId={pairId} board={query.data} />
      )}
    </>
  );
}

function Board({ pairId, board }: { pairId: string; board: OutcomeBoardT }) {
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: coachingKeys.engagement(pairId) });
  const coach = board.myRole === "coach";
  return (
    <>
      <p>
        <span className={`badge badge--stage-${board.stage}`}>{STAGE_LABELS[board.stage]}</span>
      </p>
      <Agreement pairId={pairId} board={board} />
      {board.outcomes.length === 0 ? (
        <div className="empty">
          <h2 className="empty__title">No outcomes yet</h2>
          <p>
            {coach
              ? "Agree one to five outcomes with your coachee: what changes, how it is measured, where it starts and where it should get to."
              : "Your coach proposes the outcomes with you in your first session. They appear here."}
          </p>
        </div>
      ) : (
        <section className="card" aria-labelledby="outcome-list-title">
          <h2 id="outcome-list-title">
            {board.outcomes.length} outcome{board.outcomes.length === 1 ? "" : "s"}
          </h2>
          {board.outcomes.map((o) => (
            <OutcomeItem key={`${o.id}-${o.version}`} pairId={pairId} board={board} outcome={o} />
          ))}
        </section>
      )}
      {board.canDefine && board.outcomes.length < board.maxOutcomes ? (
        <section className="card" aria-labelledby="add-outcome-title">
          <h2 id="add-outcome-title">Add an outcome</h2>
          {adding ? (
            <OutcomeForm
              initial={draftOf()}
              hasSponsor={board.agreement.sponsor !== null}
              submitLabel="Add the outcome"
              save={(body) => defineOutcome(pairId, body)}
              onSaved={async () => {
                setAdding(false);
                await refresh();
                announce("Outcome added. Everyone agrees the outcomes again once they change.");
              }}
              onCancel={() => setAdding(false)}
            />
          ) : (
            <button type="button" className="button button--secondary" onClick={() => setAdding(true)}>
              Add an outcome
            </button>
          )}
        </section>
      ) : null}
      {board.myRole === "coach" || board.myRole === "coachee" ? <StakeholdersSection engagementId={pairId} canRequest={coach} /> : null}
    </>
  );
}

export function Agreement({ pairId, board }: { pairId: string; board: OutcomeBoardT }) {
  const queryClient = useQueryClient();
  const agree = useMutation({
    mutationFn: () => agreeOutcomes(pairId),
    onSuccess: async (saved) => {
      queryClient.setQueryData(coachingKeys.outcomes(pairId), saved);
      // The sponsor's screen and the engagement frame read the same numbers.
      await queryClient.invalidateQueries({ queryKey: coachingKeys.all });
      announce(saved.agreement.agreedAt ? "Everyone has agreed: the outcomes are fixed." : "You agreed. Waiting for the others.");
    },
  });
  const a = board.agreement;
  const problems = isApiError(agree.error, "agreement_incomplete")
    ? ((agree.error.details as { problems?: { message: string }[] }).problems ?? [])
    : [];
  const who = [
    ["The coach", a.coach],
    ["The coachee", a.coachee],
    ...(a.sponsor === null ? [] : [["The sponsor", a.sponsor] as const]),
  ] as const;
  return (
    <section className="card" aria-labelledby="agreement-title">
      <h2 id="agreement-title">{a.agreedAt ? "Agreed" : "Agreeing the outcomes"}</h2>
      <ul>
        {who.map(([label, yes]) => (
          <li key={label}>
            {label}: {yes ? "agreed" : "not yet"}
          </li>
        ))}
      </ul>
      {a.agreedAt ? (
        <p className="muted">The outcomes are fixed for the rest of the engagement.</p>
      ) : (
        <p className="muted">
          Each outcome needs a target and a baseline rating before anyone can agree. Changing an outcome asks everyone again.
        </p>
      )}
      {board.canAgree ? (
        <button type="button" className="button button--primary" onClick={() => agree.mutate()} disabled={agree.isPending}>
          {agree.isPending ? "Agreeing…" : "I agree these outcomes"}
        </button>
      ) : null}
      {agree.isError ? (
        <div className="field__error" role="alert">
          <p>{agree.error.message}</p>
          {problems.length > 1 ? (
            <ul>
              {problems.map((p) => (
                <li key={p.message}>{p.message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function OutcomeItem({ pairId, board, outcome: o }: { pairId: string; board: OutcomeBoardT; outcome: OutcomeT }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: coachingKeys.engagement(pairId) });
  const remove = useMutation({
    mutationFn: () => removeOutcome(pairId, o.id),
    onSuccess: async () => {
      setRemoving(false);
      await refresh();
      announce(`Outcome “${o.title}” removed.`);
    },
  });
  const headingId = `outcome-${o.id}`;
  if (editing)
    return (
      <article className="outcome" aria-labelledby={headingId}>
        <h3 id={headingId}>Change “{o.title}”</h3>
        <OutcomeForm
          initial={draftOf(o)}
          hasSponsor={board.agreement.sponsor !== null}
          submitLabel="Save the outcome"
          save={(body) => updateOutcome(pairId, o.id, { ...body, version: o.version })}
          onSaved={async () => {
            setEditing(false);
            await refresh();
            announce("Outcome saved.");
          }}
          onCancel={() => setEditing(false)}
        />
      </article>
    );
  return (
    <article className="outcome" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {o.position}. {o.title}
      </h3>
      <p className="muted">
        {o.measure.kind === "rubric" ? "Rated 1 to 10" : `Measured in ${o.measure.unit}`} · {directionLabel(o.direction)} · Rated by{" "}
        {o.raters.map((r) => RATER_GROUP_LABELS[r].toLowerCase()).join(", ")}
      </p>
      {o.measure.kind === "rubric" ? (
        <ul className="outcome__anchors" aria-label="What the ratings mean">
          <li>1: {o.measure.anchors.low}</li>
          <li>5: {o.measure.anchors.mid}</li>
          <li>10: {o.measure.anchors.high}</li>
        </ul>
      ) : null}
      <dl className="outcome__numbers">
        <div>
          <dt>Baseline</dt>
          <dd>{formatValue(o, o.baseline)}</dd>
        </div>
        <div>
          <dt>Mid-point</dt>
          <dd>{formatValue(o, o.midpoint)}</dd>
        </div>
        <div>
          <dt>Target</dt>
          <dd>{formatValue(o, o.target)}</dd>
        </div>
        <div>
          <dt>Final</dt>
          <dd>{formatValue(o, o.final)}</dd>
        </div>
        <div>
          <dt>Result</dt>
          <dd>
            <span className={o.targetMet === null ? "badge" : `badge badge--${o.targetMet ? "met" : "missed"}`}>
              {targetMetLabel(o.targetMet)}
            </span>
          </dd>
        </div>
      </dl>
      {o.byPhase.length > 0 ? (
        <TableScroll label={`Averages by rater group for ${o.title}`}>
          <table className="data-table">
            <caption>Averages by rater group</caption>
            <thead>
              <tr>
                <th scope="col">Phase</th>
                <th scope="col">Group</th>
                <th scope="col">Raters</th>
                <th scope="col">Average</th>
              </tr>
            </thead>
            <tbody>
              {o.byPhase.flatMap((p) =>
                p.groups.map((g) => (
                  <tr key={`${p.phase}-${g.group}`}>
                    <td>{PHASE_LABELS[p.phase]}</td>
                    <td>{RATER_GROUP_LABELS[g.group]}</td>
                    <td>{g.count}</td>
                    <td>{formatValue(o, g.average)}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {o.mine.group && board.stage !== "completed" && board.stage !== "ended" ? (
        <MyRatings pairId={pairId} board={board} outcome={o} />
      ) : null}
      {board.canDefine ? (
        <div className="actions-row actions-row--tight">
          <button type="button" className="button button--secondary button--small" onClick={() => setEditing(true)}>
            Change<span className="visually-hidden"> “{o.title}”</span>
          </button>
          <button type="button" className="button button--danger-outline button--small" onClick={() => setRemoving(true)}>
            Remove<span className="visually-hidden"> “{o.title}”</span>
          </button>
        </div>
      ) : null}
      <ConfirmDialog
        open={removing}
        title={`Remove “${o.title}”?`}
        confirmLabel="Remove"
        pendingLabel="Removing…"
        variant="danger"
        pending={remove.isPending}
        error={remove.isError ? remove.error.message : undefined}
        onConfirm={() => remove.mutate()}
        onCancel={() => setRemoving(false)}
      >
        <p>The outcome and any ratings it has are removed, and everyone agrees the outcomes again.</p>
      </ConfirmDialog>
    </article>
  );
}

/** Your own ratings of one outcome: the baseline until a final exists, the mid-point and final once agreed. */
export function MyRatings({ pairId, board, outcome: o }: { pairId: string; board: OutcomeBoardT; outcome: OutcomeT }) {
  const phases: Phase[] = board.agreement.agreedAt
    ? o.final === null
      ? ["baseline", "midpoint", "final"]
      : ["midpoint", "final"]
    : ["baseline"];
  return (
    <div className="outcome__rate">
      <h4>Your rating{o.mine.group ? ` (${RATER_GROUP_LABELS[o.mine.group].toLowerCase()})` : ""}</h4>
      {phases.map((phase) => (
        <RateField key={phase} pairId={pairId} outcome={o} phase={phase} current={o.mine[phase]} />
      ))}
    </div>
  );
}

export function RateField({
  pairId,
  outcome: o,
  phase,
  current,
}: {
  pairId: string;
  outcome: OutcomeT;
  phase: Phase;
  current: number | null;
}) {
  const queryClient = useQueryClient();
  const [value, setValue] = useState(current === null ? "" : String(current));
  const [error, setError] = useState<string | undefined>();
  const rate = useMutation({
    mutationFn: (v: number) => rateOutcome(pairId, o.id, phase, v),
    onSuccess: async (saved) => {
      queryClient.setQueryData(coachingKeys.outcomes(pairId), saved);
      // The sponsor's screen and the engagement frame read the same numbers.
      await queryClient.invalidateQueries({ queryKey: coachingKeys.all });
      announce(`${PHASE_LABELS[phase]} rating of “${o.title}” saved.`);
    },
    onError: (e) => setError(isApiError(e) ? (e.fieldIssues[0]?.message ?? e.message) : "That didn't work. Try again."),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const n = Number(value);
    if (value.trim() === "" || !Number.isFinite(n)) {
      setError("Give a number.");
      return;
    }
    setError(undefined);
    rate.mutate(n);
  };
  const fieldId = `rate-${o.id}-${phase}`;
  return (
    <form className="rate-row" onSubmit={submit} noValidate aria-label={`${PHASE_LABELS[phase]} rating of ${o.title}`}>
      <TextField
        id={fieldId}
        label={`${PHASE_LABELS[phase]}${o.measure.kind === "rubric" ? " (1–10)" : ` (${o.measure.unit})`}`}
        inputMode="decimal"
        value={value}
        onChange={setValue}
        error={error}
      />
      <button type="submit" className="button button--secondary" disabled={rate.isPending}>
        {rate.isPending ? "Saving…" : current === null ? "Save rating" : "Change rating"}
        <span className="visually-hidden">
          {" "}
          ({PHASE_LABELS[phase]}, {o.title})
        </span>
      </button>
    </form>
  );
}
