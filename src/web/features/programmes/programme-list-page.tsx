import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useEffect, useState } from "react";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { PageHeading } from "../../components/page-heading";
import { Pagination } from "../../components/pagination";
import { canCreateProgrammes, useCurrentUser } from "../auth/session";
import { ProgrammeCard } from "./programme-card";
import { type ProgrammeListParams, programmeListQuery } from "./programmes-api";

const route = getRouteApi("/_app/programmes");
const PAGE_SIZE = 20;

const statusFilters = [
  { value: "active", label: "Active" },
  { value: "archived", label: "Archived" },
  { value: "all", label: "All" },
] as const;

export function ProgrammeListPage() {
  const user = useCurrentUser();
  const search = route.useSearch();
  const navigate = useNavigate();
  const status = search.status ?? "active";
  const page = search.page ?? 1;
  const params: ProgrammeListParams = { status, q: search.q, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const query = useQuery(programmeListQuery(params));

  // The box mirrors the URL, so Back/Forward and shared links show the right search.
  const [draft, setDraft] = useState(search.q ?? "");
  useEffect(() => setDraft(search.q ?? ""), [search.q]);

  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    void navigate({ to: "/programmes", search: { status: search.status, q: draft.trim() || undefined } });
  };

  const canCreate = canCreateProgrammes(user);
  const data = query.data;

  return (
    <>
      <div className="page-header">
        <PageHeading>Programmes</PageHeading>
        {canCreate ? (
          <Link to="/programmes/new" className="button button--primary">
            New programme
          </Link>
        ) : null}
      </div>

      <div className="toolbar">
        <search className="search">
          <form onSubmit={submitSearch}>
            <label htmlFor="programme-search">Search programmes</label>
            <div className="search__row">
              <input
                id="programme-search"
                type="search"
                value={draft}
                onChange={(event) => setDraft(event.target.value)}
                maxLength={100}
                autoComplete="off"
              />
              <button type="submit" className="button button--secondary">
                Search
              </button>
            </div>
          </form>
        </search>
        <nav aria-label="Filter by status" className="filters">
          <ul>
            {statusFilters.map((filter) => (
              <li key={filter.value}>
                <Link
                  to="/programmes"
                  search={{ q: search.q, status: filter.value === "active" ? undefined : filter.value }}
                  aria-current={status === filter.value ? "page" : undefined}
                  className="filters__link"
                >
                  {filter.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>

      <section aria-labelledby="programme-results" aria-busy={query.isFetching || undefined}>
        <h2 id="programme-results" className="visually-hidden">
          Results
        </h2>
        <p role="status" className="results-count">
          {data ? describeResults(data.total, status, search.q) : ""}
        </p>
        {query.isPending ? <LoadingState label="Loading programmes…" /> : null}
        {query.isError && !data ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
        {data && data.items.length === 0 ? <EmptyProgrammes status={status} q={search.q} canCreate={canCreate} /> : null}
        {data && data.items.length > 0 ? (
          <ul className="card-list">
            {data.items.map((programme) => (
              <li key={programme.id}>
                <ProgrammeCard programme={programme} />
              </li>
            ))}
          </ul>
        ) : null}
        {data ? (
          <Pagination
            label="Programme pages"
            total={data.total}
            limit={data.limit}
            offset={data.offset}
            to="/programmes"
            search={(target) => ({ q: search.q, status: search.status, page: target > 1 ? target : undefined })}
          />
        ) : null}
      </section>
    </>
  );
}

function describeResults(total: number, status: string, q?: string): string {
  const noun = total === 1 ? "programme" : "programmes";
  const which = status === "all" ? "" : ` ${status}`;
  return q ? `${total}${which} ${noun} matching “${q}”` : `${total}${which} ${noun}`;
}

function EmptyProgrammes({ status, q, canCreate }: { status: string; q?: string; canCreate: boolean }) {
  if (q) {
    return (
      <div className="empty">
        <p>No programmes match “{q}”. Check the spelling or try a shorter search.</p>
        <Link to="/programmes" search={{ status: status === "active" ? undefined : (status as "archived" | "all") }}>
          Clear the search
        </Link>
      </div>
    );
  }
  if (status === "archived") {
    return (
      <div className="empty">
        <p>Nothing is archived. Programmes you archive are kept here, and you can restore them at any time.</p>
      </div>
    );
  }
  return (
    <div className="empty">
      <h3 className="empty__title">No programmes yet</h3>
      {canCreate ? (
        <>
          <p>A programme brings mentors and mentees (or coaches and coachees) together for a term.</p>
          <Link to="/programmes/new" className="button button--primary">
            Create your first programme
          </Link>
        </>
      ) : (
        <p>When a coordinator adds you to a programme, it will appear here.</p>
      )}
    </div>
  );
}
