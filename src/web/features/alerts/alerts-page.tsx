import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { ALERT_TYPE_LABELS } from "../../../core/alerts/describe";
import { ALERT_TYPES } from "../../../core/alerts/settings";
import { ALERT_STATE_LABELS } from "../../../core/alerts/state";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { Pagination } from "../../components/pagination";
import { SelectField } from "../../components/select-field";
import { formatDate } from "../../lib/dates";
import { ProgrammeSection } from "../programmes/programme-section";
import type { Programme } from "../programmes/programmes-api";
import {
  ALERTS_PER_PAGE,
  type AlertFilters,
  type AlertStateFilter,
  type AlertT,
  alertKeys,
  alertsQuery,
  bulkAlerts,
  evaluateAlerts,
} from "./alerts-api";
import "../surveys/surveys.css";

const route = getRouteApi("/_app/programmes/$programmeId/alerts");

const STATE_TABS: { value: AlertStateFilter; label: string }[] = [
  { value: "unresolved", label: "Needing attention" },
  { value: "open", label: "Open" },
  { value: "acknowledged", label: "Acknowledged" },
  { value: "snoozed", label: "Snoozed" },
  { value: "resolved", label: "Resolved" },
];

/**
 * The coordinators' queue: every alert from pair health, surveys, proposals, requests and
 * check-ins, oldest first. Filter by state, kind and who it is assigned to; select several
 * to acknowledge or assign at once. Everything is a link, a checkbox or a button, so the
 * whole queue works from the keyboard.
 */
export function AlertsPage() {
  const { programmeId } = route.useParams();
  return (
    <ProgrammeSection
      programmeId={programmeId}
      title="Alerts"
      lead={() => (
        <p>
          Early warnings about pairs, raised within the hour and closed by themselves when the problem goes away. What a pair writes is
          never part of an alert.
        </p>
      )}
    >
      {(programme) => <Queue programme={programme} />}
    </ProgrammeSection>
  );
}

function Queue({ programme }: { programme: Programme }) {
  const search = route.useSearch();
  const filters: AlertFilters = {
    state: search.state ?? "unresolved",
    type: search.type,
    assignee: search.assignee,
    page: search.page ?? 1,
  };
  const query = useQuery(alertsQuery(programme.id, filters));
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [assignTo, setAssignTo] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const data = query.data;
  const refresh = () => queryClient.invalidateQueries({ queryKey: alertKeys.all(programme.id) });
  const go = (change: Partial<AlertFilters>) => {
    setSelected(new Set());
    const next = { ...filters, ...change };
    void navigate({
      to: "/programmes/$programmeId/alerts",
      params: { programmeId: programme.id },
      search: { state: next.state === "unresolved" ? undefined : next.state, type: next.type, assignee: next.assignee, page: change.page },
    });
  };
  const bulk = useMutation({
    mutationFn: (input: { action: "acknowledge" | "assign"; assigneeUserId?: string | null }) =>
      bulkAlerts(programme.id, { ids: [...selected], ...input }),
    onSuccess: async (r, input) => {
      const text = `${r.changed} ${r.changed === 1 ? "alert" : "alerts"} ${input.action === "acknowledge" ? "acknowledged" : "assigned"}${r.skipped ? `, ${r.skipped} left as they were` : ""}.`;
      setMessage(text);
      setSelected(new Set());
      await refresh();
    },
  });
  const check = useMutation({
    mutationFn: () => evaluateAlerts(programme.id),
    onSuccess: async (r) => {
      const text = `Checked: ${r.raised} new, ${r.cleared} closed by themselves, ${r.open} still open.`;
      setMessage(text);
      await refresh();
    },
  });
  const items = data?.items ?? [];
  const allOnPage = items.length > 0 && items.every((a) => selected.has(a.id));
  const coordinators = data?.coordinators ?? [];

  return (
    <>
      <nav aria-label="Alerts by state" className="filters">
        <ul>
          {STATE_TABS.map((tab) => (
            <li key={tab.value}>
              <Link
                to="/programmes/$programmeId/alerts"
                params={{ programmeId: programme.id }}
                search={{ state: tab.value === "unresolved" ? undefined : tab.value, type: filters.type, assignee: filters.assignee }}
                aria-current={filters.state === tab.value ? "page" : undefined}
                className="filters__link"
                onClick={() => setSelected(new Set())}
              >
                {tab.label}
                {data && tab.value !== "unresolved" ? ` (${data.counts[tab.value]})` : ""}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="filter-grid">
        <SelectField
          id="alert-type"
          label="Kind"
          value={filters.type ?? ""}
          options={[{ value: "", label: "Every kind" }, ...ALERT_TYPES.map((t) => ({ value: t, label: ALERT_TYPE_LABELS[t] }))]}
          onChange={(v) => go({ type: v || undefined, page: undefined })}
        />
        <SelectField
          id="alert-assignee"
          label="Assigned to"
          value={filters.assignee ?? ""}
          options={[
            { value: "", label: "Anyone or nobody" },
            { value: "me", label: "Me" },
            { value: "none", label: "Nobody yet" },
            ...coordinators.map((c) => ({ value: c.id, label: c.name })),
          ]}
          onChange={(v) => go({ assignee: v || undefined, page: undefined })}
        />
        <div className="actions-row">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => check.mutate()}
            disabled={check.isPending}
            aria-busy={check.isPending || undefined}
          >
            {check.isPending ? "Checking…" : "Check now"}
          </button>
        </div>
      </div>
      {message ? (
        <p className="notice notice--success" role="status">
          {message}
        </p>
      ) : null}
      {bulk.isError || check.isError ? (
        <p className="notice notice--error" role="alert">
          {(bulk.error ?? check.error)?.message}
        </p>
      ) : null}
      {query.isPending ? <LoadingState label="Loading alerts…" /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {data && data.total === 0 ? (
        <div className="empty">
          <h2 className="empty__title">{filters.state === "resolved" ? "Nothing resolved yet" : "Nothing needs you here"}</h2>
          <p>
            {filters.type || filters.assignee
              ? "No alerts match these filters."
              : filters.state === "resolved"
                ? "Alerts you resolve, and those that close by themselves, are kept here."
                : "When a pair goes quiet, a pulse is low or a check-in is due, it shows up here within the hour."}
          </p>
        </div>
      ) : null}
      {data && items.length > 0 ? (
        <>
          {filters.state !== "resolved" ? (
            <fieldset className="bulk-bar">
              <legend className="visually-hidden">Act on the selected alerts</legend>
              <p className="bulk-bar__count">{selected.size === 0 ? "None selected." : `${selected.size} selected.`}</p>
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={selected.size === 0 || bulk.isPending}
                onClick={() => bulk.mutate({ action: "acknowledge" })}
              >
                Acknowledge<span className="visually-hidden"> the selected alerts</span>
              </button>
              <label htmlFor="bulk-assignee" className="visually-hidden">
                Assign the selected alerts to
              </label>
              <select id="bulk-assignee" value={assignTo} onChange={(e) => setAssignTo(e.target.value)}>
                <option value="">Assign to…</option>
                <option value="none">Nobody</option>
                {coordinators.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={selected.size === 0 || assignTo === "" || bulk.isPending}
                onClick={() => bulk.mutate({ action: "assign", assigneeUserId: assignTo === "none" ? null : assignTo })}
              >
                Assign<span className="visually-hidden"> the selected alerts</span>
              </button>
            </fieldset>
          ) : null}
          <p className="results-count" role="status">
            {data.total} {data.total === 1 ? "alert" : "alerts"}
          </p>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable so keyboard users can scroll it */}
          <section className="table-scroll" aria-labelledby="alerts-caption" tabIndex={0}>
            <table className="data-table">
              <caption id="alerts-caption">Alerts, longest waiting first</caption>
              <thead>
                <tr>
                  <th scope="col" className="data-table__select">
                    <input
                      type="checkbox"
                      aria-label="Select every alert on this page"
                      checked={allOnPage}
                      onChange={(e) => setSelected(e.target.checked ? new Set(items.map((a) => a.id)) : new Set())}
                    />
                  </th>
                  <th scope="col">Alert</th>
                  <th scope="col">Pair</th>
                  <th scope="col">State</th>
                  <th scope="col">Assigned</th>
                  <th scope="col">Waiting</th>
                </tr>
              </thead>
              <tbody>
                {items.map((a) => (
                  <AlertRow
                    key={a.id}
                    alert={a}
                    programmeId={programme.id}
                    selected={selected.has(a.id)}
                    onSelect={(on) => {
                      const next = new Set(selected);
                      if (on) next.add(a.id);
                      else next.delete(a.id);
                      setSelected(next);
                    }}
                  />
                ))}
              </tbody>
            </table>
          </section>
          <Pagination
            total={data.total}
            limit={ALERTS_PER_PAGE}
            offset={(filters.page - 1) * ALERTS_PER_PAGE}
            to={`/programmes/${programme.id}/alerts`}
            search={(p) => ({ state: search.state, type: filters.type, assignee: filters.assignee, page: p })}
            label="Pages of alerts"
          />
        </>
      ) : null}
    </>
  );
}

function AlertRow({
  alert: a,
  programmeId,
  selected,
  onSelect,
}: {
  alert: AlertT;
  programmeId: string;
  selected: boolean;
  onSelect: (on: boolean) => void;
}) {
  const pair = [a.mentee?.name, a.mentor?.name].filter(Boolean).join(" and ");
  return (
    <tr className={selected ? "data-table__row--selected" : undefined}>
      <td className="data-table__select">
        <input type="checkbox" aria-label={`Select: ${a.title}, ${pair}`} checked={selected} onChange={(e) => onSelect(e.target.checked)} />
      </td>
      <th scope="row">
        <Link to="/programmes/$programmeId/alerts/$alertId" params={{ programmeId, alertId: a.id }}>
          {a.title}
        </Link>
        <span className="data-table__sub">{a.summary}</span>
      </th>
      <td>{pair || <span className="muted">—</span>}</td>
      <td className="data-table__nowrap">
        <span className={`badge badge--alert-${a.state}`}>{ALERT_STATE_LABELS[a.state]}</span>
        {a.snoozedUntil ? <span className="data-table__sub">until {formatDate(a.snoozedUntil.slice(0, 10))}</span> : null}
        {a.overdue ? <span className="data-table__sub">Overdue</span> : null}
        {a.state === "resolved" && a.resolution ? (
          <span className="data-table__sub">{a.resolvedBy === "signal" ? a.resolution : "Resolved by a coordinator"}</span>
        ) : null}
      </td>
      <td>{a.assignee?.name ?? <span className="muted">Nobody</span>}</td>
      <td className="data-table__nowrap">{a.age}</td>
    </tr>
  );
}
