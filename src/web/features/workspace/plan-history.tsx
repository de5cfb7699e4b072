import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { PLAN_HISTORY_PER_PAGE, planHistoryQuery } from "./workspace-api";
import { formatInstant } from "./workspace-format";
import { useViewerTimeZone } from "./workspace-layout";

const show = (v: string | number | null) => (v === null || v === "" ? "(blank)" : String(v));

/** Every edit of the plan, newest first, field by field. */
export function PlanHistorySection({ pairId }: { pairId: string }) {
  const [page, setPage] = useState(1);
  const zone = useViewerTimeZone(pairId);
  const query = useQuery({ ...planHistoryQuery(pairId, page), placeholderData: (previous) => previous });
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">Changes to the plan</h2>
      {query.isPending ? (
        <LoadingState label="Loading the changes…" />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.total === 0 ? (
        <p className="muted">No changes yet.</p>
      ) : (
        <>
          <ol className="plan-history">
            {query.data.items.map((entry) => (
              <li key={entry.version}>
                <p>
                  <strong>Version {entry.version}</strong> · {entry.editedBy.name} · {formatInstant(entry.editedAt, zone)}
                </p>
                <ul>
                  {entry.changes.map((c) => (
                    <li key={c.field}>
                      {c.label}: <del>{show(c.from)}</del> <span aria-hidden="true">→</span>
                      <span className="visually-hidden"> became </span> <ins>{show(c.to)}</ins>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
          {query.data.total > PLAN_HISTORY_PER_PAGE ? (
            <nav className="pagination" aria-label="Pages of changes">
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setPage((p) => p - 1)}
                disabled={page === 1 || query.isFetching}
              >
                Newer changes
              </button>
              <p className="pagination__status" role="status">
                Page {page} of {Math.ceil(query.data.total / PLAN_HISTORY_PER_PAGE)}
              </p>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setPage((p) => p + 1)}
                disabled={page * PLAN_HISTORY_PER_PAGE >= query.data.total || query.isFetching}
              >
                Older changes
              </button>
            </nav>
          ) : null}
        </>
      )}
    </section>
  );
}
