import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { SwotUpdate } from "../../../contracts/growth";
import { ErrorState } from "../../components/error-state";
import { ErrorSummary, type FieldTargets } from "../../components/error-summary";
import { LoadingState } from "../../components/loading-state";
import { PageHeading } from "../../components/page-heading";
import { SubmitButton } from "../../components/submit-button";
import { TextAreaField } from "../../components/text-area-field";
import { announce } from "../../lib/announce";
import { isApiError } from "../../lib/api";
import { useFormErrors } from "../../lib/form-errors";
import { overviewQuery } from "../workspace/workspace-api";
import { formatInstant } from "../workspace/workspace-format";
import { useViewerTimeZone } from "../workspace/workspace-layout";
import { growthKeys, type SwotT, saveSwot, shareSwot, swotQuery } from "./growth-api";
import "./growth.css";

const route = getRouteApi("/_app/pairs/$pairId/swot");

const QUADRANTS = [
  { key: "strengths", label: "Strengths", hint: "What you do well; what others come to you for." },
  { key: "weaknesses", label: "Weaknesses", hint: "What you find hard, or avoid." },
  { key: "opportunities", label: "Opportunities", hint: "Openings around you: projects, people, events, changes." },
  { key: "threats", label: "Threats", hint: "What could get in your way." },
] as const;
type Quadrant = (typeof QUADRANTS)[number]["key"];

const linesOf = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

/** The mentee's personal SWOT: theirs alone until they share it, then readable (not editable) by the mentor. */
export function SwotPage() {
  const { pairId } = route.useParams();
  const overview = useQuery(overviewQuery(pairId));
  const query = useQuery({ ...swotQuery(pairId), retry: (count, error) => !(isApiError(error) && error.status === 404) && count < 2 });
  const r = overview.data?.relationship;
  return (
    <>
      <PageHeading title={`SWOT · ${r?.partner.name ?? "Workspace"}`}>Personal SWOT</PageHeading>
      {r?.side === "mentee" ? (
        <p className="lead">Strengths, weaknesses, opportunities and threats, as you see them. Only you can see this until you share it.</p>
      ) : null}
      {!r || query.isPending ? (
        <LoadingState label="Loading the SWOT…" />
      ) : query.isError ? (
        isApiError(query.error) && query.error.status === 404 && r.side === "mentor" ? (
          <div className="empty">
            <h2 className="empty__title">Not shared with you</h2>
            <p>{r.partner.name}'s SWOT is private until they choose to share it.</p>
          </div>
        ) : (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        )
      ) : query.data.editable ? (
        <SwotEditor key={query.data.version} pairId={pairId} swot={query.data} partner={r.partner.name} />
      ) : (
        <SwotView swot={query.data} owner={r.side === "mentee" ? "You" : r.partner.name} pairId={pairId} />
      )}
    </>
  );
}

function SwotView({ swot, owner, pairId }: { swot: SwotT; owner: string; pairId: string }) {
  const zone = useViewerTimeZone(pairId);
  return (
    <>
      {swot.sharedAt ? (
        <p className="muted">
          {owner} shared this on {formatInstant(swot.sharedAt, zone)}.
        </p>
      ) : null}
      <div className="swot-grid">
        {QUADRANTS.map((q) => (
          <section key={q.key} className="card swot-quadrant" aria-labelledby={`swot-${q.key}`}>
            <h2 id={`swot-${q.key}`}>{q.label}</h2>
            {swot[q.key].length === 0 ? (
              <p className="muted">Nothing here.</p>
            ) : (
              <ul>
                {swot[q.key].map((line, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity of their own and may repeat
                  <li key={i}>{line}</li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </>
  );
}

function SwotEditor({ pairId, swot, partner }: { pairId: string; swot: SwotT; partner: string }) {
  const queryClient = useQueryClient();
  const zone = useViewerTimeZone(pairId);
  const [draft, setDraft] = useState<Record<Quadrant, string>>(() => ({
    strengths: swot.strengths.join("\n"),
    weaknesses: swot.weaknesses.join("\n"),
    opportunities: swot.opportunities.join("\n"),
    threats: swot.threats.join("\n"),
  }));
  const [stale, setStale] = useState(false);
  const { errors, clear, validate, showApiError } = useFormErrors();
  const save = useMutation({
    mutationFn: (body: Parameters<typeof saveSwot>[1]) => saveSwot(pairId, body),
    onSuccess: (saved) => {
      announce("SWOT saved.");
      queryClient.setQueryData(growthKeys.swot(pairId), saved);
    },
    onError: (error) => (isApiError(error, "version_conflict") ? setStale(true) : showApiError(error)),
  });
  const share = useMutation({
    mutationFn: (shared: boolean) => shareSwot(pairId, shared),
    onSuccess: (saved) => {
      announce(saved.shared ? `Shared with ${partner}.` : `${partner} can no longer see your SWOT.`);
      queryClient.setQueryData(growthKeys.swot(pairId), saved);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    const body = validate(SwotUpdate, {
      version: swot.version,
      ...Object.fromEntries(QUADRANTS.map((q) => [q.key, linesOf(draft[q.key])])),
    });
    if (body) save.mutate(body);
  };
  const fields: FieldTargets = Object.fromEntries(QUADRANTS.map((q) => [q.key, { label: q.label, target: `swot-${q.key}` }]));
  return (
    <>
      <section className="card" aria-labelledby="swot-sharing">
        <h2 id="swot-sharing">{swot.shared ? `Shared with ${partner}` : "Private"}</h2>
        <p>
          {swot.shared && swot.sharedAt
            ? `${partner} can read it (not change it) since ${formatInstant(swot.sharedAt, zone)}. You can take it back at any time.`
            : swot.version === 0
              ? "Save it first; then you can choose to share it."
              : `Only you can see it. Sharing lets ${partner} read it, not change it.`}
        </p>
        {swot.version > 0 ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => share.mutate(!swot.shared)}
            disabled={share.isPending}
            aria-busy={share.isPending || undefined}
          >
            {share.isPending ? "Saving…" : swot.shared ? "Stop sharing" : `Share with ${partner}`}
          </button>
        ) : null}
        {share.isError ? (
          <p className="field__error" role="alert">
            {share.error.message}
          </p>
        ) : null}
      </section>
      {stale ? (
        <div className="notice notice--warning" role="alert">
          <h2 className="notice__title">Saved elsewhere in the meantime</h2>
          <p>Your SWOT was saved in another tab since you opened it. Copy anything you want to keep, then reload the page.</p>
        </div>
      ) : null}
      <form className="form" onSubmit={submit} noValidate aria-label="Your SWOT">
        <ErrorSummary errors={errors} fields={fields} />
        <div className="swot-grid">
          {QUADRANTS.map((q) => (
            <div key={q.key} className="card swot-quadrant">
              <TextAreaField
                id={`swot-${q.key}`}
                label={q.label}
                hint={`${q.hint} One per line, up to 15.`}
                value={draft[q.key]}
                onChange={(v) => setDraft((d) => ({ ...d, [q.key]: v }))}
                error={errors.fields[q.key]}
                rows={6}
              />
            </div>
          ))}
        </div>
        <div className="form__actions">
          <SubmitButton pending={save.isPending} pendingLabel="Saving…">
            Save SWOT
          </SubmitButton>
        </div>
      </form>
    </>
  );
}
