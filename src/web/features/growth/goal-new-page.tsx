import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { PageHeading } from "../../components/page-heading";
import { announce } from "../../lib/announce";
import { overviewQuery } from "../workspace/workspace-api";
import { GoalForm } from "./goal-form";
import { createGoal, goalsQuery, growthKeys } from "./growth-api";
import "./growth.css";

const route = getRouteApi("/_app/pairs/$pairId/goals/new");

/** The mentee writes a new GROW goal. */
export function GoalNewPage() {
  const { pairId } = route.useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const overview = useQuery(overviewQuery(pairId));
  const goals = useQuery(goalsQuery(pairId, 1));
  const create = useMutation({
    mutationFn: (body: Parameters<typeof createGoal>[1]) => createGoal(pairId, body),
    onSuccess: async (goal) => {
      announce(`Goal added: ${goal.title}`);
      await queryClient.invalidateQueries({ queryKey: growthKeys.all(pairId) });
      await navigate({ to: "/pairs/$pairId/goals/$goalId", params: { pairId, goalId: goal.id } });
    },
  });
  const r = overview.data?.relationship;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/pairs/$pairId/goals" params={{ pairId }}>
          <span aria-hidden="true">← </span>Goals
        </Link>
      </p>
      <PageHeading>New goal</PageHeading>
      {!r || goals.isPending ? (
        overview.isError || goals.isError ? (
          <ErrorState error={overview.error ?? goals.error} onRetry={() => void goals.refetch()} />
        ) : (
          <LoadingState label="Loading…" />
        )
      ) : r.side !== "mentee" ? (
        <p>Goals are the mentee's to write. Open one of {r.partner.name}'s goals to comment on it.</p>
      ) : !r.writable ? (
        <p>This relationship is closed; its goals can be read but no new ones added.</p>
      ) : (
        <GoalForm
          goal={null}
          otherOpenGoals={goals.data?.openCount ?? 0}
          pending={create.isPending}
          submitLabel="Add goal"
          onSubmit={(body, fail) => create.mutate(body as Parameters<typeof createGoal>[1], { onError: fail })}
          onCancel={() => void navigate({ to: "/pairs/$pairId/goals", params: { pairId } })}
        />
      )}
    </>
  );
}
