import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useEffect, useMemo, useRef, useState } from "react";
import { rulesFor } from "../../../core/programme-modes";
import type { ParticipantSearch } from "../../app/routes";
import { Combobox } from "../../components/combobox";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { Pagination } from "../../components/pagination";
import { SelectField } from "../../components/select-field";
import { TextField } from "../../components/text-field";
import { formatDate } from "../../lib/dates";
import { directoryStatusLabels, intakeRoleLabels } from "../enrolment/enrolment-labels";
import { timeZoneNames } from "../intake/timezone-field";
import { ProgrammeSection } from "../programmes/programme-section";
import type { Programme } from "../programmes/programmes-api";
import { useSkillSuggestions } from "../skills/skills-api";
import { DecisionDialog, describeDecision } from "./decision-dialog";
import {
  countUnfinishedTraining,
  type Decision,
  type DirectoryEntry,
  type DirectoryFilters,
  directoryQuery,
  exportUrl,
  participantKeys,
  sendTrainingReminders,
} from "./participants-api";

const route = getRouteApi("/_app/programmes/$programmeId/participants");
const PAGE_SIZE = 25;

export function DirectoryPage() {
  const { programmeId } = route.useParams();
  return (
    <ProgrammeSection programmeId={programmeId} title="Participants">
      {(programme) => <Directory programme={programme} />}
    </ProgrammeSection>
  );
}

type FilterDraft = {
  q: string;
  role: string;
  status: string;
  skill: string;
  timezone: string;
  training: string;
  paused: string;
  sort: string;
  order: string;
};

const draftOf = (search: ParticipantSearch): FilterDraft => ({
  q: search.q ?? "",
  role: search.role ?? "",
  status: search.status ?? "",
  skill: search.skill ?? "",
  timezone: search.timezone ?? "",
  training: search.training ?? "",
  paused: search.paused ?? "",
  sort: search.sort ?? "name",
  order: search.order ?? "asc",
});

function filtersOf(search: ParticipantSearch): DirectoryFilters {
  return {
    q: search.q,
    role: search.role,
    status: search.status,
    skill: search.skill,
    timezone: search.timezone,
    training: search.training,
    paused: search.paused,
    sort: search.sort,
    order: search.order,
  };
}

const hasFilters = (search: ParticipantSearch) =>
  Boolean(search.q || search.role || search.status || search.skill || search.timezone || search.training || search.paused);

function Directory({ programme }: { programme: Programme }) {
  const search = route.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const page = search.page ?? 1;
  const filters = filtersOf(search);
  const params = { ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const query = useQuery(directoryQuery(programme.id, params));
  const data = query.data;

  const [selected, setSelected] = useState<Map<string, string>>(new Map());
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const searchKey = JSON.stringify(params);

  // A different page or filter shows other people: forget choices the person can't see.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset whenever the visible list changes
  useEffect(() => {
    setSelected(new Map());
  }, [searchKey]);

  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  const setSearch = (changes: Partial<ParticipantSearch>) =>
    navigate({ to: "/programmes/$programmeId/participants", params: { programmeId: programme.id }, search: { ...search, ...changes } });

  const toggleSort = (column: NonNullable<ParticipantSearch["sort"]>) => {
    const current = search.sort ?? "name";
    const order = current === column && (search.order ?? "asc") === "asc" ? "desc" : "asc";
    void setSearch({ sort: column, order, page: undefined });
  };

  const items = data?.items ?? [];
  const allOnPage = items.length > 0 && items.every((entry) => selected.has(entry.id));
  const someOnPage = items.some((entry) => selected.has(entry.id));

  return (
    <>
      <div className="toolbar toolbar--actions">
        <p className="muted">Everyone who applied, was invited or imported. Select people to decide on their applications together.</p>
        <div className="actions-row actions-row--tight">
          <Link
            to="/programmes/$programmeId/invite"
            params={{ programmeId: programme.id }}
            className="button button--secondary button--small"
          >
            Invite people
          </Link>
          <Link
            to="/programmes/$programmeId/import"
            params={{ programmeId: programme.id }}
            className="button button--secondary button--small"
          >
            Import a file
          </Link>
          <a href={exportUrl(programme.id, filters)} className="button button--secondary button--small" download>
            Download CSV<span className="visually-hidden"> of the people matching the filters</span>
          </a>
          <ReminderButton programme={programme} onSent={setOutcome} />
        </div>
      </div>

      <Filters programme={programme} search={search} onApply={(draft) => void setSearch({ ...cleaned(draft), page: undefined })} />

      <div role="status" className="flash-region">
        {outcome ? (
          <div className="notice notice--success" tabIndex={-1} ref={outcomeRef}>
            <p>{outcome}</p>
            <button type="button" className="button button--link" onClick={() => setOutcome(null)}>
              Dismiss<span className="visually-hidden"> message</span>
            </button>
          </div>
        ) : null}
      </div>

      <section aria-labelledby="directory-results" aria-busy={query.isFetching || undefined}>
        <h2 id="directory-results" className="visually-hidden">
          People
        </h2>
        <p role="status" className="results-count">
          {data ? describeResults(data.total, hasFilters(search)) : ""}
        </p>
        {query.isPending ? <LoadingState label="Loading participants…" /> : null}
        {query.isError && !data ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
        {data && data.total === 0 ? <EmptyDirectory programme={programme} filtered={hasFilters(search)} /> : null}

        {items.length > 0 ? (
          <>
            <fieldset className="bulk-bar">
              <legend className="visually-hidden">Decide on the selected applications</legend>
              <p className="bulk-bar__count">{selected.size === 0 ? "Nobody selected." : `${selected.size} selected.`}</p>
              {(["approve", "waitlist", "decline"] as const).map((decision) => (
                <button
                  key={decision}
                  type="button"
                  className={`button button--small ${decision === "decline" ? "button--danger-outline" : "button--secondary"}`}
                  disabled={selected.size === 0}
                  onClick={() => {
                    setOutcome(null);
                    setDeciding(decision);
                  }}
                >
                  {decision === "approve" ? "Approve" : decision === "waitlist" ? "Waitlist" : "Decline"}
                  <span className="visually-hidden"> the selected applications</span>
                </button>
              ))}
              {selected.size > 0 ? (
                <button type="button" className="button button--link" onClick={() => setSelected(new Map())}>
                  Clear the selection
                </button>
              ) : null}
            </fieldset>

            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable so keyboard users can scroll it */}
            <section className="table-scroll" aria-labelledby="directory-caption" tabIndex={0}>
              <table className="data-table">
                <caption id="directory-caption" className="visually-hidden">
                  Participants, sorted by {sortLabels[search.sort ?? "name"]} (
                  {(search.order ?? "asc") === "asc" ? "ascending" : "descending"})
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className="data-table__select">
                      <input
                        type="checkbox"
                        aria-label="Select everyone on this page"
                        checked={allOnPage}
                        ref={(el) => {
                          if (el) el.indeterminate = someOnPage && !allOnPage;
                        }}
                        onChange={(event) => {
                          const next = new Map(selected);
                          for (const entry of items) {
                            if (event.target.checked) next.set(entry.id, entry.name);
                            else next.delete(entry.id);
                          }
                          setSelected(next);
                        }}
                      />
                    </th>
                    <SortHeader column="name" search={search} onSort={toggleSort} />
                    <SortHeader column="role" search={search} onSort={toggleSort} />
                    <SortHeader column="status" search={search} onSort={toggleSort} />
                    <SortHeader column="applied" search={search} onSort={toggleSort} />
                    <SortHeader column="experience" search={search} onSort={toggleSort} />
                    <th scope="col">Time zone</th>
                    <th scope="col">Skills</th>
                    <th scope="col">Onboarding</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((entry) => (
                    <Row
                      key={entry.id}
                      programmeId={programme.id}
                      entry={entry}
                      selected={selected.has(entry.id)}
                      onSelect={(checked) => {
                        const next = new Map(selected);
                        if (checked) next.set(entry.id, entry.name);
                        else next.delete(entry.id);
                        setSelected(next);
                      }}
                    />
                  ))}
                </tbody>
              </table>
            </section>
          </>
        ) : null}

        {data ? (
          <Pagination
            label="Participant pages"
            total={data.total}
            limit={data.limit}
            offset={data.offset}
            to={`/programmes/${programme.id}/participants`}
            search={(target) => ({ ...search, page: target > 1 ? target : undefined })}
          />
        ) : null}
      </section>

      <DecisionDialog
        programmeId={programme.id}
        decision={deciding}
        enrolmentIds={[...selected.keys()]}
        names={[...selected.values()]}
        onCancel={() => setDeciding(null)}
        onDecided={async (decision, count) => {
          setDeciding(null);
          setSelected(new Map());
          await queryClient.invalidateQueries({ queryKey: participantKeys.all(programme.id) });
          setOutcome(describeDecision(decision, count));
        }}
      />
    </>
  );
}

function cleaned(draft: FilterDraft): Partial<ParticipantSearch> {
  const text = (value: string) => value.trim() || undefined;
  return {
    q: text(draft.q),
    role: (draft.role || undefined) as ParticipantSearch["role"],
    status: (draft.status || undefined) as ParticipantSearch["status"],
    skill: text(draft.skill),
    timezone: text(draft.timezone),
    training: (draft.training || undefined) as ParticipantSearch["training"],
    paused: (draft.paused || undefined) as ParticipantSearch["paused"],
    sort: draft.sort === "name" ? undefined : (draft.sort as ParticipantSearch["sort"]),
    order: draft.order === "asc" ? undefined : (draft.order as ParticipantSearch["order"]),
  };
}

function describeResults(total: number, filtered: boolean): string {
  const noun = total === 1 ? "person" : "people";
  return filtered ? `${total} ${noun} ${total === 1 ? "matches" : "match"} the filters` : `${total} ${noun} in this programme`;
}

const sortLabels: Record<NonNullable<ParticipantSearch["sort"]>, string> = {
  name: "Name",
  email: "Email",
  role: "Role",
  status: "Status",
  applied: "Applied",
  experience: "Experience",
};

function SortHeader({
  column,
  search,
  onSort,
}: {
  column: NonNullable<ParticipantSearch["sort"]>;
  search: ParticipantSearch;
  onSort: (column: NonNullable<ParticipantSearch["sort"]>) => void;
}) {
  const active = (search.sort ?? "name") === column;
  const order = search.order ?? "asc";
  return (
    <th scope="col" aria-sort={active ? (order === "asc" ? "ascending" : "descending") : undefined}>
      <button type="button" className="sort-button" onClick={() => onSort(column)}>
        {sortLabels[column]}
        <span aria-hidden="true" className="sort-button__arrow">
          {active ? (order === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </button>
    </th>
  );
}

function Row({
  programmeId,
  entry,
  selected,
  onSelect,
}: {
  programmeId: string;
  entry: DirectoryEntry;
  selected: boolean;
  onSelect: (checked: boolean) => void;
}) {
  const skills = entry.skills.slice(0, 3).map((skill) => `${skill.name} ${skill.level}`);
  const more = entry.skills.length - skills.length;
  return (
    <tr className={selected ? "data-table__row--selected" : undefined}>
      <td className="data-table__select">
        <input
          type="checkbox"
          aria-label={`Select ${entry.name}`}
          checked={selected}
          onChange={(event) => onSelect(event.target.checked)}
        />
      </td>
      <th scope="row">
        <Link to="/programmes/$programmeId/participants/$enrolmentId" params={{ programmeId, enrolmentId: entry.id }}>
          {entry.name}
        </Link>
        <span className="data-table__sub">{entry.email}</span>
      </th>
      <td>{intakeRoleLabels[entry.role]}</td>
      <td>
        <span className={`badge badge--enrolment-${entry.status}`}>{directoryStatusLabels[entry.status]}</span>
        {entry.paused ? <span className="badge">Paused</span> : null}
      </td>
      <td className="data-table__nowrap">
        {entry.appliedAt ? formatDate(entry.appliedAt.slice(0, 10)) : <span className="muted">—</span>}
      </td>
      <td className="data-table__nowrap">
        {entry.yearsExperience === null ? (
          <span className="muted">—</span>
        ) : (
          `${entry.yearsExperience} ${entry.yearsExperience === 1 ? "year" : "years"}`
        )}
      </td>
      <td>{entry.timezone ?? <span className="muted">—</span>}</td>
      <td>
        {skills.length ? skills.join(", ") : <span className="muted">—</span>}
        {more > 0 ? <span className="muted"> +{more}</span> : null}
      </td>
      <td>{entry.training.completed === entry.training.total ? "Done" : `${entry.training.completed} of ${entry.training.total}`}</td>
    </tr>
  );
}

const regions = ["Africa/", "America/", "Antarctica/", "Asia/", "Atlantic/", "Australia/", "Europe/", "Indian/", "Pacific/"];

function Filters({
  programme,
  search,
  onApply,
}: {
  programme: Programme;
  search: ParticipantSearch;
  onApply: (draft: FilterDraft) => void;
}) {
  const [draft, setDraft] = useState<FilterDraft>(() => draftOf(search));
  const searchKey = JSON.stringify(draftOf(search));
  // The boxes follow the address, so Back/Forward and shared links show the right filters.
  // biome-ignore lint/correctness/useExhaustiveDependencies: searchKey stands for the search
  useEffect(() => setDraft(draftOf(search)), [searchKey]);
  const skillSuggestions = useSkillSuggestions(draft.skill);
  const zones = useMemo(() => [...regions, ...timeZoneNames()], []);
  const set = (key: keyof FilterDraft) => (value: string) => setDraft((current) => ({ ...current, [key]: value }));
  const roles = rulesFor(programme.type).roles.invitable;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };

  return (
    <search className="filter-panel">
      <form onSubmit={submit} aria-labelledby="directory-filters-title">
        <h2 id="directory-filters-title" className="filter-panel__title">
          Find people
        </h2>
        <div className="filter-grid">
          <TextField
            id="filter-q"
            label="Name or email"
            type="search"
            value={draft.q}
            onChange={set("q")}
            autoComplete="off"
            maxLength={100}
          />
          <SelectField
            id="filter-role"
            label="Role"
            value={draft.role}
            onChange={set("role")}
            options={[{ value: "", label: "Any role" }, ...roles.map((role) => ({ value: role, label: intakeRoleLabels[role] }))]}
          />
          <SelectField
            id="filter-status"
            label="Status"
            value={draft.status}
            onChange={set("status")}
            options={[
              { value: "", label: "Any status" },
              ...(["applied", "approved", "waitlisted", "declined", "withdrawn", "invited"] as const).map((status) => ({
                value: status,
                label: directoryStatusLabels[status],
              })),
            ]}
          />
          <Combobox
            id="filter-skill"
            label="Skill"
            value={draft.skill}
            onChange={set("skill")}
            suggestions={skillSuggestions.names}
            onSelect={set("skill")}
          />
          <div className="field">
            <label htmlFor="filter-timezone">Time zone</label>
            <p className="field__hint" id="filter-timezone-hint">
              A zone, or a region like Europe/
            </p>
            <input
              id="filter-timezone"
              list="filter-timezone-options"
              value={draft.timezone}
              onChange={(event) => set("timezone")(event.target.value)}
              aria-describedby="filter-timezone-hint"
              autoComplete="off"
              spellCheck={false}
              maxLength={60}
            />
            <datalist id="filter-timezone-options">
              {zones.map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
          </div>
          <SelectField
            id="filter-training"
            label="Onboarding"
            value={draft.training}
            onChange={set("training")}
            options={[
              { value: "", label: "Any" },
              { value: "done", label: "Finished" },
              { value: "not_done", label: "Not finished" },
            ]}
          />
          <SelectField
            id="filter-paused"
            label="Paused"
            value={draft.paused}
            onChange={set("paused")}
            options={[
              { value: "", label: "Any" },
              { value: "true", label: "Paused" },
              { value: "false", label: "Not paused" },
            ]}
          />
          <SelectField
            id="filter-sort"
            label="Sort by"
            value={draft.sort}
            onChange={set("sort")}
            options={(Object.keys(sortLabels) as Array<keyof typeof sortLabels>).map((key) => ({ value: key, label: sortLabels[key] }))}
          />
          <SelectField
            id="filter-order"
            label="Order"
            value={draft.order}
            onChange={set("order")}
            options={[
              { value: "asc", label: "Ascending (A to Z, 1 to 9)" },
              { value: "desc", label: "Descending (Z to A, 9 to 1)" },
            ]}
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            Apply filters
          </button>
          {hasFilters(search) ? (
            <Link
              to="/programmes/$programmeId/participants"
              params={{ programmeId: programme.id }}
              search={{ sort: search.sort, order: search.order }}
              className="button button--secondary"
            >
              Clear filters
            </Link>
          ) : null}
        </div>
      </form>
    </search>
  );
}

function EmptyDirectory({ programme, filtered }: { programme: Programme; filtered: boolean }) {
  if (filtered) {
    return (
      <div className="empty">
        <p>Nobody matches these filters. Try fewer filters, or a region such as Europe/ instead of one time zone.</p>
      </div>
    );
  }
  return (
    <div className="empty">
      <h3 className="empty__title">Nobody has joined yet</h3>
      <p>
        {programme.status === "open"
          ? "Share the application link from the overview, invite people by email, or import a list."
          : "Open applications (in Settings), invite people by email, or import a list to get started."}
      </p>
      <div className="actions-row actions-row--centred">
        <Link to="/programmes/$programmeId/invite" params={{ programmeId: programme.id }} className="button button--secondary">
          Invite people
        </Link>
        <Link to="/programmes/$programmeId/import" params={{ programmeId: programme.id }} className="button button--secondary">
          Import a file
        </Link>
      </div>
    </div>
  );
}

function ReminderButton({ programme, onSent }: { programme: Programme; onSent: (message: string) => void }) {
  const [open, setOpen] = useState(false);
  const count = useQuery({
    queryKey: participantKeys.reminderCount(programme.id),
    queryFn: ({ signal }) => countUnfinishedTraining(programme.id, signal),
    enabled: open,
    staleTime: 0,
  });
  const mutation = useMutation({
    mutationFn: () => sendTrainingReminders(programme.id),
    onSuccess: (result) => {
      setOpen(false);
      onSent(
        result.reminded === 0
          ? "Nobody needed a reminder: everyone has finished onboarding."
          : `Reminder emailed to ${result.reminded} ${result.reminded === 1 ? "person" : "people"} who haven't finished onboarding.`,
      );
    },
  });
  const n = count.data;
  return (
    <>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => {
          mutation.reset();
          setOpen(true);
        }}
      >
        Remind those who haven't finished onboarding
      </button>
      <ConfirmDialog
        open={open}
        title="Send onboarding reminders?"
        confirmLabel={n === undefined ? "Send reminders" : n === 0 ? "Close" : `Email ${n} ${n === 1 ? "person" : "people"}`}
        pendingLabel="Sending…"
        pending={mutation.isPending}
        error={mutation.isError ? mutation.error.message : count.isError ? count.error.message : null}
        onConfirm={() => {
          if (n === 0) setOpen(false);
          else mutation.mutate();
        }}
        onCancel={() => setOpen(false)}
      >
        {count.isPending ? (
          <p>Counting who hasn't finished…</p>
        ) : n === 0 ? (
          <p>Everyone who applied, was approved or is waitlisted has finished onboarding. There is nobody to remind.</p>
        ) : (
          <p>
            {n} {n === 1 ? "person" : "people"} who applied, were approved or are on the waiting list haven't finished onboarding. Each gets
            one email with a link to the modules they have left.
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}
