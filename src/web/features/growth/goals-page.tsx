import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { GOAL_STATUS_LABELS } from "../../../core/growth/goals";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { PageHeading } from "../../components/page-heading";
import { Pagination } from "../../components/pagination";
import { overviewQuery } from "../workspace/workspace-api";
import { formatDay } from "../workspace/workspace-format";
import { GOALS_PER_PAGE, type GoalT, goalsQuery } from "./growth-api";
import "./growth.css";

const route = getRouteApi("/_app/pairs/$pairId/goals");

/** The pair's GROW goals: the mentee writes them, both follow them. */
export function GoalsPage() {
  const { pairId } = route.useParams();
  const { page = 1 } = route.useSearch();
  const overview = useQuery(overviewQuery(pairId));
  const query = useQuery(goalsQuery(pairId, page));
  const r = overview.data?.relationship;
  const mentee = r?.side === "mentee";
  return (
    <>
      <PageHeading title={`Goals · ${r?.partner.name ?? "Workspace"}`}>Goals</PageHeading>
      {r ? (
        <p className="lead">
          {mentee
            ? `Your goals, in GROW form: what you want, where you are, your options and what you will do. ${r.partner.name} reads them and can comment; only you change them.`
            : `${r.partner.name}'s goals. They are ${r.partner.name}'s to write and change; respond with a comment on a goal.`}
        </p>
      ) : null}
      {mentee && r?.writable ? (
        <p>
          <Link to="/pairs/$pairId/goals/new" params={{ pairId }} className="button button--primary">
            New goal
          </Link>
        </p>
      ) : null}
      {query.isPending ? (
        <LoadingState label="Loading goals…" />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.total === 0 ? (
        <div className="empty">
          <h2 className="empty__title">No goals yet</h2>
          <p>
            {mentee
              ? "Start with one or two things you want to be different by the end of the programme."
              : `When ${r?.partner.name ?? "your mentee"} writes a goal, it shows up here.`}
          </p>
        </div>
      ) : (
        <>
          <p className="results-count" role="status">
            {query.data.openCount} open of {query.data.total} {query.data.total === 1 ? "goal" : "goals"}
          </p>
          <ul className="goal-list">
            {query.data.items.map((goal) => (
              <GoalCard key={goal.id} pairId={pairId} goal={goal} />
            ))}
          </ul>
          <Pagination
            total={query.data.total}
            limit={GOALS_PER_PAGE}
            offset={(page - 1) * GOALS_PER_PAGE}
            to={`/pairs/${pairId}/goals`}
            search={(p) => ({ page: p })}
            label="Pages of goals"
          />
        </>
      )}
    </>
  );
}

function GoalCard({ pairId, goal }: { pairId: string; goal: GoalT }) {
  const items = goal.actionItems.open + goal.actionItems.done;
  return (
    <li className="card goal-card">
      <h2 className="goal-card__title">
        <Link to="/pairs/$pairId/goals/$goalId" params={{ pairId, goalId: goal.id }}>
          {goal.title}
        </Link>
      </h2>
      <p className="goal-card__meta">
        <span className={`badge badge--goal-${goal.status}`}>{GOAL_STATUS_LABELS[goal.status]}</span>
        {goal.targetDate ? <span>Target {formatDay(goal.targetDate)}</span> : <span>No target date</span>}
        {items > 0 ? (
          <span>
            {goal.actionItems.open} open, {goal.actionItems.done} done {items === 1 ? "action item" : "action items"}
          </span>
        ) : null}
        {goal.commentCount > 0 ? <span>{goal.commentCount === 1 ? "1 comment" : `${goal.commentCount} comments`}</span> : null}
      </p>
      <GoalProgress goal={goal} />
      {goal.smartHints.length > 0 ? (
        <p className="muted">
          The SMART check has {goal.smartHints.length === 1 ? "a suggestion" : `${goal.smartHints.length} suggestions`}.
        </p>
      ) : null}
    </li>
  );
}

/** A progress bar with its number in words, so it is not told by length alone. */
export function GoalProgress({ goal }: { goal: Pick<GoalT, "id" | "progress" | "title"> }) {
  const labelId = `progress-${goal.id}`;
  return (
    <div className="goal-progress">
      <span id={labelId}>Progress: {goal.progress}%</span>
      <progress aria-labelledby={labelId} max={100} value={goal.progress} />
    </div>
  );
}
