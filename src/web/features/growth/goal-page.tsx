import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useRef, useState } from "react";
import { GOAL_FIELD_LABELS, GOAL_STATUS_LABELS, type GoalField } from "../../../core/growth/goals";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { PageHeading } from "../../components/page-heading";
import { announce } from "../../lib/announce";
import { isApiError } from "../../lib/api";
import { overviewQuery } from "../workspace/workspace-api";
import { formatDay, formatInstant } from "../workspace/workspace-format";
import { useViewerTimeZone } from "../workspace/workspace-layout";
import { GoalActionItems } from "./goal-action-items";
import { GoalComments } from "./goal-comments";
import { GoalForm } from "./goal-form";
import { GoalProgress } from "./goals-page";
import { type GoalT, goalHistoryQuery, goalQuery, goalsQuery, growthKeys, updateGoal } from "./growth-api";
import "./growth.css";

const route = getRouteApi("/_app/pairs/$pairId/goals/$goalId");

/** One goal: its GROW text, progress, SMART hints, history and comments. */
export function GoalPage() {
  const { pairId, goalId } = route.useParams();
  const overview = useQuery(overviewQuery(pairId));
  const query = useQuery(goalQuery(pairId, goalId));
  const back = (
    <p className="breadcrumb">
      <Link to="/pairs/$pairId/goals" params={{ pairId }}>
        <span aria-hidden="true">← </span>Goals
      </Link>
    </p>
  );
  if (!query.data || !overview.data) {
    const missing = isApiError(query.error) && query.error.status === 404;
    return (
      <>
        {back}
        <PageHeading>{missing ? "Goal not found" : "Goal"}</PageHeading>
        {missing ? (
          <p>This goal is not one of this pair's goals.</p>
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <LoadingState label="Loading the goal…" />
        )}
      </>
    );
  }
  const r = overview.data.relationship;
  return (
    <>
      {back}
      <GoalView key={query.data.version} pairId={pairId} goal={query.data} canEdit={r.side === "mentee" && r.writable} />
      <GoalActionItems pairId={pairId} goalId={goalId} writable={r.writable} side={r.side} />
      <GoalComments pairId={pairId} goalId={goalId} writable={r.writable} side={r.side} />
      <GoalHistory pairId={pairId} goalId={goalId} side={r.side} />
    </>
  );
}

function GoalView({ pairId, goal, canEdit }: { pairId: string; goal: GoalT; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [stale, setStale] = useState(false);
  const editRef = useRef<HTMLButtonElement>(null);
  const openGoals = useQuery(goalsQuery(pairId, 1));
  const save = useMutation({
    mutationFn: (body: Parameters<typeof updateGoal>[2]) => updateGoal(pairId, goal.id, body),
    onSuccess: async (saved) => {
      announce(saved.version === goal.version ? "Nothing changed." : "Goal saved.");
      queryClient.setQueryData(growthKeys.goal(pairId, goal.id), saved);
      setEditing(false);
      await queryClient.invalidateQueries({ queryKey: growthKeys.all(pairId) });
    },
  });
  const grow: [string, string][] = [
    ["Goal", goal.goal],
    ["Reality", goal.reality],
    ["Options", goal.options],
    ["Will", goal.will],
  ];
  if (editing) {
    return (
      <>
        <PageHeading title={`Edit ${goal.title}`}>Edit goal</PageHeading>
        {stale ? (
          <div className="notice notice--warning" role="alert">
            <h2 className="notice__title">This goal changed since you opened it</h2>
            <p>Perhaps in another tab. Your changes are still in the form; load the latest version and make them again.</p>
            <button
              type="button"
              className="button button--secondary"
              onClick={async () => {
                setStale(false);
                setEditing(false);
                await queryClient.invalidateQueries({ queryKey: growthKeys.goal(pairId, goal.id) });
              }}
            >
              Load the latest version
            </button>
          </div>
        ) : null}
        <GoalForm
          goal={goal}
          otherOpenGoals={openGoals.data?.openCount ?? 0}
          pending={save.isPending}
          submitLabel="Save goal"
          onSubmit={(body, fail) =>
            save.mutate(body as Parameters<typeof updateGoal>[2], {
              onError: (error) => (isApiError(error, "version_conflict") ? setStale(true) : fail(error)),
            })
          }
          onCancel={() => {
            setEditing(false);
            requestAnimationFrame(() => editRef.current?.focus());
          }}
        />
      </>
    );
  }
  return (
    <>
      <PageHeading title={`Goal · ${goal.title}`}>{goal.title}</PageHeading>
      <p className="goal-card__meta">
        <span className={`badge badge--goal-${goal.status}`}>{GOAL_STATUS_LABELS[goal.status]}</span>
        <span>{goal.targetDate ? `Target ${formatDay(goal.targetDate)}` : "No target date"}</span>
      </p>
      <GoalProgress goal={goal} />
      {canEdit ? (
        <p>
          <button type="button" className="button button--primary" ref={editRef} onClick={() => setEditing(true)}>
            Edit goal
          </button>
        </p>
      ) : null}
      <div className="two-columns">
        <section className="card" aria-labelledby="grow-title">
          <h2 id="grow-title">GROW</h2>
          <dl className="details">
            {grow.map(([label, text]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd className="prose">{text || <span className="muted">Not written yet</span>}</dd>
              </div>
            ))}
            <div>
              <dt>Measure of success</dt>
              <dd className="prose">{goal.measure || <span className="muted">Not written yet</span>}</dd>
            </div>
          </dl>
        </section>
        <div>
          <section className="card smart-check" aria-labelledby="smart-title">
            <h2 id="smart-title">SMART check</h2>
            {goal.smartHints.length === 0 ? (
              <p>{goal.status === "achieved" || goal.status === "dropped" ? "Nothing to check on a finished goal." : "Nothing to add."}</p>
            ) : (
              <ul>
                {goal.smartHints.map((h) => (
                  <li key={h.code}>
                    {h.field ? <strong>{GOAL_FIELD_LABELS[h.field]}: </strong> : null}
                    {h.message}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </>
  );
}

function GoalHistory({ pairId, goalId, side }: { pairId: string; goalId: string; side: "mentor" | "mentee" }) {
  const query = useQuery(goalHistoryQuery(pairId, goalId));
  const zone = useViewerTimeZone(pairId);
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      {query.isPending ? (
        <LoadingState label="Loading the history…" />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <ol className="timeline">
          {query.data.map((c) => (
            <li key={c.id}>
              <strong>{formatInstant(c.changedAt, zone)}</strong> — {c.by ? (c.by.side === side ? "You" : c.by.name) : "Someone"}{" "}
              {c.fields.includes("created")
                ? "created the goal"
                : `changed ${c.fields.map((f) => GOAL_FIELD_LABELS[f as GoalField]?.toLowerCase() ?? f).join(", ")}`}
              .{" "}
              <span className="muted">
                ({GOAL_STATUS_LABELS[c.status]}, {c.progress}%)
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
