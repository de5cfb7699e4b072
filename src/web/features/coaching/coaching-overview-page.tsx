import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { Pagination } from "../../components/pagination";
import { SelectField } from "../../components/select-field";
import { TableScroll } from "../../components/table-scroll";
import { TextField } from "../../components/text-field";
import { announce } from "../../lib/announce";
import { formatDateTime } from "../../lib/dates";
import { ProgrammeSection } from "../programmes/programme-section";
import { formatDay } from "../workspace/workspace-format";
import { coachingKeys, extendEngagement, OVERVIEW_PER_PAGE, type OverviewT, overviewQuery, setSponsor } from "./coaching-api";
import { RISK_LABELS, STAGE_LABELS } from "./coaching-labels";
import { AssignCoachDialog, ShortlistDialog } from "./coordinator-dialogs";
import "./coaching.css";

const route = getRouteApi("/_app/programmes/$programmeId/coaching");

type Row = OverviewT["engagements"]["items"][number];

/**
 * The coordinator's coaching overview: every engagement's package use, dates, whether its
 * outcomes were agreed and measured, and which are at risk of closing unmeasured. Metadata
 * only — what coach and coachee discuss is not here, by design.
 */
export function CoachingOverviewPage() {
  const { programmeId } = route.useParams();
  return (
    <ProgrammeSection programmeId={programmeId} title="Coaching">
      {() => <Overview programmeId={programmeId} />}
    </ProgrammeSection>
  );
}

function Overview({ programmeId }: { programmeId: string }) {
  const search = route.useSearch();
  const navigate = useNavigate({ from: "/programmes/$programmeId/coaching" });
  const query = useQuery(overviewQuery(programmeId, search));
  const [dialog, setDialog] = useState<"shortlist" | "assign" | null>(null);
  if (query.isPending) return <LoadingState label="Loading the engagements…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const { counts, engagements } = query.data;
  const live = counts.stages.contracting + counts.stages.in_progress + counts.stages.closing;
  return (
    <>
      <p className="lead">What you see here is how each engagement is run, never what is said in it.</p>
      <ul className="counts" aria-label="At a glance">
        <li>
          {live} live engagement{live === 1 ? "" : "s"} ({counts.stages.contracting} contracting, {counts.stages.in_progress} under way,{" "}
          {counts.stages.closing} closing)
        </li>
        <li>
          {counts.sessionsUsed} of {counts.sessionsIncluded} package sessions used
        </li>
        <li>
          <strong>{counts.atRisk}</strong> at risk of closing with outcomes unmeasured
        </li>
        <li>
          {counts.coacheesWaiting} approved coachee{counts.coacheesWaiting === 1 ? "" : "s"} without an engagement,{" "}
          {counts.coachesWithPlaces} coach
          {counts.coachesWithPlaces === 1 ? "" : "es"} with a place
        </li>
      </ul>
      <div className="actions-row">
        <button type="button" className="button button--primary" onClick={() => setDialog("shortlist")}>
          Shortlist coaches for waiting coachees
        </button>
        <button type="button" className="button button--secondary" onClick={() => setDialog("assign")}>
          Assign a coach directly
        </button>
        <Link to="/programmes/$programmeId/coaching/shortlists" params={{ programmeId }} className="button button--secondary">
          Shortlists
        </Link>
      </div>
      <fieldset className="toolbar">
        <legend className="visually-hidden">Filter and sort</legend>
        <SelectField
          id="overview-stage"
          label="Stage"
          value={search.stage ?? ""}
          options={[
            { value: "", label: "All stages" },
            ...(["proposed", "contracting", "in_progress", "closing", "completed", "ended"] as const).map((s) => ({
              value: s,
              label: STAGE_LABELS[s],
            })),
          ]}
          onChange={(v) => void navigate({ search: { ...search, stage: (v || undefined) as typeof search.stage, page: undefined } })}
        />
        <SelectField
          id="overview-sort"
          label="Sort by"
          value={search.sort ?? "risk"}
          options={[
            { value: "risk", label: "Risk first" },
            { value: "ends", label: "Ending soonest" },
            { value: "coachee", label: "Coachee" },
          ]}
          onChange={(v) => void navigate({ search: { ...search, sort: v as typeof search.sort, page: undefined } })}
        />
        <SelectField
          id="overview-risk"
          label="Show"
          value={search.atRisk ?? ""}
          options={[
            { value: "", label: "Every engagement" },
            { value: "true", label: "Only those at risk" },
          ]}
          onChange={(v) => void navigate({ search: { ...search, atRisk: v === "true" ? "true" : undefined, page: undefined } })}
        />
      </fieldset>
      {engagements.items.length === 0 ? (
        <div className="empty">
          <h2 className="empty__title">
            {engagements.total === 0 && !search.stage && !search.atRisk ? "No engagements yet" : "Nothing matches"}
          </h2>
          <p>
            {engagements.total === 0 && !search.stage && !search.atRisk
              ? "Shortlist coaches for your coachees, or assign a coach directly, to start the first engagement."
              : "Change the filters to see more engagements."}
          </p>
        </div>
      ) : (
        <>
          <p className="results-count" role="status">
            {engagements.total} engagement{engagements.total === 1 ? "" : "s"}
          </p>
          <TableScroll label="Engagements">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Coachee and coach</th>
                  <th scope="col">Stage</th>
                  <th scope="col">Sessions used</th>
                  <th scope="col">Period</th>
                  <th scope="col">Outcomes</th>
                  <th scope="col">Last session</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {engagements.items.map((e) => (
                  <EngagementRow key={e.id} programmeId={programmeId} row={e} />
                ))}
              </tbody>
            </table>
          </TableScroll>
          <Pagination
            total={engagements.total}
            limit={OVERVIEW_PER_PAGE}
            offset={engagements.offset}
            to={`/programmes/${programmeId}/coaching`}
            search={(page) => ({ ...search, page })}
            label="Pages of engagements"
          />
        </>
      )}
      <ShortlistDialog programmeId={programmeId} open={dialog === "shortlist"} onClose={() => setDialog(null)} />
      <AssignCoachDialog programmeId={programmeId} open={dialog === "assign"} onClose={() => setDialog(null)} />
    </>
  );
}

function EngagementRow({ programmeId, row: e }: { programmeId: string; row: Row }) {
  const [dialog, setDialog] = useState<"extend" | "sponsor" | null>(null);
  const live = e.stage === "contracting" || e.stage === "in_progress" || e.stage === "closing";
  return (
    <tr>
      <td>
        {e.coachee.name}
        <div className="data-table__sub">
          with {e.coach.name}
          {e.sponsor ? `, sponsored by ${e.sponsor}` : ""}
        </div>
      </td>
      <td>
        <span className={`badge badge--stage-${e.stage}`}>{STAGE_LABELS[e.stage]}</span>
        {e.atRisk ? <div className="data-table__sub">{RISK_LABELS[e.atRisk.reason]}</div> : null}
      </td>
      <td>
        {e.used} of {e.sessions}
        {e.booked ? <div className="data-table__sub">{e.booked} booked</div> : null}
        {e.extensions ? <div className="data-table__sub">extended {e.extensions}×</div> : null}
      </td>
      <td className="data-table__nowrap">
        {formatDay(e.startDate)} – {formatDay(e.endsOn)}
      </td>
      <td>
        {e.outcomes === 0 ? "None yet" : `${e.finals} of ${e.outcomes} measured`}
        <div className="data-table__sub">{e.outcomesAgreed ? "agreed" : "not agreed yet"}</div>
      </td>
      <td className="data-table__nowrap">{e.lastSessionAt ? formatDateTime(e.lastSessionAt) : "—"}</td>
      <td>
        {live ? (
          <div className="actions-row actions-row--tight">
            <button type="button" className="button button--secondary button--small" onClick={() => setDialog("extend")}>
              Extend<span className="visually-hidden"> the package of {e.coachee.name}</span>
            </button>
            {!e.outcomesAgreed ? (
              <button type="button" className="button button--secondary button--small" onClick={() => setDialog("sponsor")}>
                Sponsor<span className="visually-hidden"> of {e.coachee.name}</span>
              </button>
            ) : null}
          </div>
        ) : null}
        <ExtendDialog programmeId={programmeId} row={e} open={dialog === "extend"} onClose={() => setDialog(null)} />
        <SponsorDialog programmeId={programmeId} row={e} open={dialog === "sponsor"} onClose={() => setDialog(null)} />
      </td>
    </tr>
  );
}

function ExtendDialog({ programmeId, row, open, onClose }: { programmeId: string; row: Row; open: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [sessions, setSessions] = useState("1");
  const [weeks, setWeeks] = useState("0");
  const [reason, setReason] = useState("");
  const extend = useMutation({
    mutationFn: () => extendEngagement(row.id, { sessions: Number(sessions) || 0, weeks: Number(weeks) || 0, reason }),
    onSuccess: async () => {
      onClose();
      setReason("");
      await queryClient.invalidateQueries({ queryKey: coachingKeys.programme(programmeId) });
      announce(`The package of ${row.coachee.name} is extended; coach and coachee are told.`);
    },
  });
  return (
    <ConfirmDialog
      open={open}
      title={`Extend the package of ${row.coachee.name}?`}
      confirmLabel="Extend"
      pendingLabel="Extending…"
      pending={extend.isPending}
      error={extend.isError ? extend.error.message : undefined}
      onConfirm={() => extend.mutate()}
      onCancel={onClose}
    >
      <p>
        {row.used} of {row.sessions} sessions used; the period ends {formatDay(row.endsOn)}. The extension is recorded with your reason.
      </p>
      <TextField
        id={`extend-sessions-${row.id}`}
        label="More sessions"
        type="number"
        min={0}
        max={20}
        value={sessions}
        onChange={setSessions}
      />
      <TextField id={`extend-weeks-${row.id}`} label="More weeks" type="number" min={0} max={52} value={weeks} onChange={setWeeks} />
      <TextField id={`extend-reason-${row.id}`} label="Reason" value={reason} onChange={setReason} maxLength={500} />
    </ConfirmDialog>
  );
}

function SponsorDialog({ programmeId, row, open, onClose }: { programmeId: string; row: Row; open: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const save = useMutation({
    mutationFn: (value: string | null) => setSponsor(row.id, value),
    onSuccess: async (saved) => {
      onClose();
      await queryClient.invalidateQueries({ queryKey: coachingKeys.programme(programmeId) });
      announce(saved.sponsor ? `${saved.sponsor.email} is the sponsor; they are told or invited.` : "The sponsor was removed.");
    },
  });
  return (
    <ConfirmDialog
      open={open}
      title={`Sponsor of ${row.coachee.name}`}
      confirmLabel={email.trim() ? "Save the sponsor" : "Remove the sponsor"}
      pendingLabel="Saving…"
      pending={save.isPending}
      error={save.isError ? save.error.message : undefined}
      onConfirm={() => save.mutate(email.trim() ? email.trim() : null)}
      onCancel={onClose}
    >
      <p>
        {row.sponsor ? `Now: ${row.sponsor}.` : "No sponsor yet."} Someone without a sponsor place is invited by email. A sponsor sees the
        package and the outcomes' numbers, never what is said in the sessions.
      </p>
      <TextField
        id={`sponsor-email-${row.id}`}
        label="Sponsor's email (leave empty to remove)"
        type="email"
        value={email}
        onChange={setEmail}
      />
    </ConfirmDialog>
  );
}
