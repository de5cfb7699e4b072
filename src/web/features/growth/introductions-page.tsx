import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { IntroductionCreate, IntroductionUpdate } from "../../../contracts/growth";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { ErrorState } from "../../components/error-state";
import { ErrorSummary } from "../../components/error-summary";
import { LoadingState } from "../../components/loading-state";
import { PageHeading } from "../../components/page-heading";
import { Pagination } from "../../components/pagination";
import { SelectField } from "../../components/select-field";
import { SubmitButton } from "../../components/submit-button";
import { TextAreaField } from "../../components/text-area-field";
import { TextField } from "../../components/text-field";
import { announce } from "../../lib/announce";
import { isApiError } from "../../lib/api";
import { useFormErrors } from "../../lib/form-errors";
import { overviewQuery } from "../workspace/workspace-api";
import { formatDay } from "../workspace/workspace-format";
import {
  deleteIntroduction,
  growthKeys,
  INTRODUCTIONS_PER_PAGE,
  type IntroductionT,
  introductionsQuery,
  openIntroduction,
  updateIntroduction,
} from "./growth-api";
import "./growth.css";

const route = getRouteApi("/_app/pairs/$pairId/introductions");

const KINDS = [
  { value: "introduction", label: "Introduction to someone" },
  { value: "opportunity", label: "Opportunity" },
];
const STATUSES: { value: IntroductionT["status"]; label: string }[] = [
  { value: "open", label: "Not followed up yet" },
  { value: "followed_up", label: "Followed up" },
  { value: "done", label: "Done" },
  { value: "not_pursued", label: "Not pursued" },
];
const statusLabel = (s: IntroductionT["status"]) => STATUSES.find((x) => x.value === s)?.label ?? s;

/** Doors the mentor opens: who they introduced the mentee to, which opportunities they passed on, and how each went. */
export function IntroductionsPage() {
  const { pairId } = route.useParams();
  const { page = 1 } = route.useSearch();
  const overview = useQuery(overviewQuery(pairId));
  const query = useQuery(introductionsQuery(pairId, page));
  const r = overview.data?.relationship;
  const mentor = r?.side === "mentor";
  return (
    <>
      <PageHeading title={`Introductions · ${r?.partner.name ?? "Workspace"}`}>Introductions and opportunities</PageHeading>
      {r ? (
        <p className="lead">
          {mentor
            ? `People you introduce ${r.partner.name} to and opportunities you pass on. ${r.partner.name} notes how each one went.`
            : `People ${r.partner.name} introduces you to and opportunities they pass on. Note how each one went.`}
        </p>
      ) : null}
      {mentor && r?.writable ? <NewIntroductionForm pairId={pairId} /> : null}
      <section aria-labelledby="log-title">
        <h2 id="log-title" tabIndex={-1}>
          The log
        </h2>
        {!r || query.isPending ? (
          <LoadingState label="Loading the log…" />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : query.data.total === 0 ? (
          <div className="empty">
            <h3 className="empty__title">Nothing logged yet</h3>
            <p>
              {mentor
                ? "When you open a door for your mentee, note it here."
                : `When ${r.partner.name} opens a door for you, it shows up here.`}
            </p>
          </div>
        ) : (
          <>
            <ul className="intro-list">
              {query.data.items.map((item) => (
                <IntroductionCard key={`${item.id}-${item.version}`} pairId={pairId} item={item} side={r.side} writable={r.writable} />
              ))}
            </ul>
            <Pagination
              total={query.data.total}
              limit={INTRODUCTIONS_PER_PAGE}
              offset={(page - 1) * INTRODUCTIONS_PER_PAGE}
              to={`/pairs/${pairId}/introductions`}
              search={(p) => ({ page: p })}
              label="Pages of introductions"
            />
          </>
        )}
      </section>
    </>
  );
}

function NewIntroductionForm({ pairId }: { pairId: string }) {
  const queryClient = useQueryClient();
  const [kind, setKind] = useState("introduction");
  const [what, setWhat] = useState("");
  const [whoOrWhere, setWhoOrWhere] = useState("");
  const [occurredOn, setOccurredOn] = useState(() => new Date().toISOString().slice(0, 10));
  const { errors, clear, validate, showApiError } = useFormErrors();
  const create = useMutation({
    mutationFn: (body: Parameters<typeof openIntroduction>[1]) => openIntroduction(pairId, body),
    onSuccess: async (saved) => {
      setWhat("");
      setWhoOrWhere("");
      announce(`Logged: ${saved.what}`);
      await queryClient.invalidateQueries({ queryKey: growthKeys.all(pairId) });
    },
    onError: showApiError,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    const body = validate(IntroductionCreate, { kind, what, whoOrWhere, occurredOn });
    if (body) create.mutate(body);
  };
  return (
    <form className="form card" onSubmit={submit} noValidate aria-labelledby="new-intro-title">
      <h2 id="new-intro-title">Log an introduction or opportunity</h2>
      <ErrorSummary
        errors={errors}
        fields={{
          kind: { label: "Kind", target: "intro-kind" },
          what: { label: "What", target: "intro-what" },
          whoOrWhere: { label: "Who or where", target: "intro-who" },
          occurredOn: { label: "Date", target: "intro-date" },
        }}
      />
      <div className="form__row">
        <SelectField id="intro-kind" label="Kind" value={kind} options={KINDS} onChange={setKind} error={errors.fields.kind} />
        <TextField id="intro-date" label="Date" type="date" value={occurredOn} onChange={setOccurredOn} error={errors.fields.occurredOn} />
      </div>
      <TextField
        id="intro-what"
        label="What"
        hint="E.g. an intro to a staff engineer in payments, a conference talk slot."
        value={what}
        onChange={setWhat}
        error={errors.fields.what}
        maxLength={200}
      />
      <TextField
        id="intro-who"
        label="Who or where (optional)"
        value={whoOrWhere}
        onChange={setWhoOrWhere}
        error={errors.fields.whoOrWhere}
        maxLength={200}
      />
      <div className="form__actions">
        <SubmitButton pending={create.isPending} pendingLabel="Saving…">
          Log it
        </SubmitButton>
      </div>
    </form>
  );
}

function IntroductionCard({
  pairId,
  item,
  side,
  writable,
}: {
  pairId: string;
  item: IntroductionT;
  side: "mentor" | "mentee";
  writable: boolean;
}) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState(item.status);
  const [outcome, setOutcome] = useState(item.outcome);
  const [removing, setRemoving] = useState(false);
  const { errors, clear, show, validate, showApiError } = useFormErrors();
  const refresh = () => queryClient.invalidateQueries({ queryKey: growthKeys.all(pairId) });
  const save = useMutation({
    mutationFn: (body: Parameters<typeof updateIntroduction>[2]) => updateIntroduction(pairId, item.id, body),
    onSuccess: async () => {
      announce("Outcome saved.");
      await refresh();
    },
    onError: (error) =>
      isApiError(error, "version_conflict")
        ? show({}, "This entry changed since you opened it. Reload the page and try again.")
        : showApiError(error),
  });
  const remove = useMutation({
    mutationFn: () => deleteIntroduction(pairId, item.id),
    onSuccess: async () => {
      setRemoving(false);
      announce("Entry removed.");
      await refresh();
      document.getElementById("log-title")?.focus();
    },
  });
  const prefix = `intro-${item.id}`;
  return (
    <li className="card intro">
      <h3 className="intro__title">{item.what}</h3>
      <p className="goal-card__meta">
        <span className="badge">{item.kind === "introduction" ? "Introduction" : "Opportunity"}</span>
        {item.whoOrWhere ? <span>{item.whoOrWhere}</span> : null}
        <span>{formatDay(item.occurredOn)}</span>
        <span>{statusLabel(item.status)}</span>
      </p>
      {side === "mentee" && writable ? (
        <form
          className="form"
          noValidate
          aria-label={`How it went: ${item.what}`}
          onSubmit={(event) => {
            event.preventDefault();
            clear();
            const body = validate(IntroductionUpdate, { version: item.version, status, outcome });
            if (body) save.mutate(body);
          }}
        >
          <ErrorSummary
            errors={errors}
            fields={{
              status: { label: "Status", target: `${prefix}-status` },
              outcome: { label: "How it went", target: `${prefix}-outcome` },
            }}
          />
          <SelectField
            id={`${prefix}-status`}
            label="Status"
            value={status}
            options={STATUSES}
            onChange={(v) => setStatus(v as IntroductionT["status"])}
            error={errors.fields.status}
          />
          <TextAreaField
            id={`${prefix}-outcome`}
            label="How it went"
            value={outcome}
            onChange={setOutcome}
            error={errors.fields.outcome}
            rows={2}
            maxLength={2000}
          />
          <div className="form__actions">
            <SubmitButton pending={save.isPending} pendingLabel="Saving…" variant="secondary">
              Save outcome
            </SubmitButton>
          </div>
        </form>
      ) : item.outcome ? (
        <p className="prose">
          <strong>How it went: </strong>
          {item.outcome}
        </p>
      ) : (
        <p className="muted">No outcome noted yet.</p>
      )}
      {side === "mentor" && writable ? (
        <button type="button" className="button button--link" onClick={() => setRemoving(true)}>
          Remove<span className="visually-hidden"> {item.what}</span>
        </button>
      ) : null}
      <ConfirmDialog
        open={removing}
        title="Remove this entry?"
        confirmLabel="Remove"
        pendingLabel="Removing…"
        variant="danger"
        pending={remove.isPending}
        error={remove.isError ? remove.error.message : undefined}
        onConfirm={() => remove.mutate()}
        onCancel={() => setRemoving(false)}
      >
        <p>“{item.what}” and any outcome noted on it will be gone for both of you.</p>
      </ConfirmDialog>
    </li>
  );
}
