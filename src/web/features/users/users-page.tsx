import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useEffect, useState } from "react";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { PageHeading } from "../../components/page-heading";
import { Pagination } from "../../components/pagination";
import { formatDate } from "../../lib/dates";
import { useCurrentUser } from "../auth/session";
import { UserCreateForm } from "./user-create-form";
import { userListQuery } from "./users-api";

const route = getRouteApi("/_app/users");
const PAGE_SIZE = 25;

export function UsersPage() {
  const user = useCurrentUser();
  if (!user.isAdmin) {
    return (
      <>
        <PageHeading>Users</PageHeading>
        <p>Only instance admins can see and add accounts.</p>
      </>
    );
  }
  return <UsersAdmin />;
}

function UsersAdmin() {
  const search = route.useSearch();
  const navigate = useNavigate();
  const page = search.page ?? 1;
  const query = useQuery(userListQuery({ q: search.q, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }));
  const [draft, setDraft] = useState(search.q ?? "");
  useEffect(() => setDraft(search.q ?? ""), [search.q]);

  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    void navigate({ to: "/users", search: { q: draft.trim() || undefined } });
  };

  const data = query.data;

  return (
    <>
      <PageHeading>Users</PageHeading>
      <div className="two-columns">
        <section aria-labelledby="user-list-title" aria-busy={query.isFetching || undefined}>
          <h2 id="user-list-title">Accounts</h2>
          <search className="search">
            <form onSubmit={submitSearch}>
              <label htmlFor="user-search">Search by name or email</label>
              <div className="search__row">
                <input
                  id="user-search"
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
          <p role="status" className="results-count">
            {data ? `${data.total} ${data.total === 1 ? "account" : "accounts"}${search.q ? ` matching “${search.q}”` : ""}` : ""}
          </p>
          {query.isPending ? <LoadingState label="Loading accounts…" /> : null}
          {query.isError && !data ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
          {data && data.items.length === 0 ? (
            <p className="empty">{search.q ? `Nobody matches “${search.q}”.` : "No accounts yet."}</p>
          ) : null}
          {data && data.items.length > 0 ? (
            <ul className="member-list">
              {data.items.map((person) => (
                <li key={person.id} className="member">
                  <span className="member__name">{person.name}</span>
                  <span className="member__email">{person.email}</span>
                  <span className="member__meta">
                    {person.isAdmin ? <span className="badge">Admin</span> : null}
                    <span className="muted">Joined {formatDate(person.createdAt.slice(0, 10))}</span>
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
          {data ? (
            <Pagination
              label="Account pages"
              total={data.total}
              limit={data.limit}
              offset={data.offset}
              to="/users"
              search={(target) => ({ q: search.q, page: target > 1 ? target : undefined })}
            />
          ) : null}
        </section>
        <UserCreateForm />
      </div>
    </>
  );
}
