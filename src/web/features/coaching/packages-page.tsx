import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { PackageFields } from "../../../contracts/coaching";
import { CheckboxField } from "../../components/checkbox-field";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { ErrorState } from "../../components/error-state";
import { ErrorSummary } from "../../components/error-summary";
import { LoadingState } from "../../components/loading-state";
import { SubmitButton } from "../../components/submit-button";
import { TextField } from "../../components/text-field";
import { announce } from "../../lib/announce";
import { useFormErrors } from "../../lib/form-errors";
import { ProgrammeSection } from "../programmes/programme-section";
import { coachingKeys, createPackage, type PackageT, packagesQuery, updatePackage } from "./coaching-api";

const route = getRouteApi("/_app/programmes/$programmeId/coaching/packages");

type Draft = {
  name: string;
  sessions: string;
  sessionMinutes: string;
  periodWeeks: string;
  sponsorRequired: boolean;
  referencePrice: string;
  costCentre: string;
};
const draftOf = (p?: PackageT): Draft => ({
  name: p?.name ?? "",
  sessions: String(p?.sessions ?? 6),
  sessionMinutes: String(p?.sessionMinutes ?? 60),
  periodWeeks: String(p?.periodWeeks ?? 12),
  sponsorRequired: p?.sponsorRequired ?? false,
  referencePrice: p?.referencePrice ?? "",
  costCentre: p?.costCentre ?? "",
});
const bodyOf = (d: Draft) => ({
  ...d,
  sessions: Number(d.sessions),
  sessionMinutes: Number(d.sessionMinutes),
  periodWeeks: Number(d.periodWeeks),
});
const fields = {
  name: { label: "Name", target: "package-name" },
  sessions: { label: "Sessions", target: "package-sessions" },
  sessionMinutes: { label: "Minutes per session", target: "package-minutes" },
  periodWeeks: { label: "Within weeks", target: "package-weeks" },
  referencePrice: { label: "Reference price", target: "package-price" },
  costCentre: { label: "Cost centre", target: "package-cost-centre" },
};

/** The programme's packages: what an engagement offers. Running engagements keep the terms they started on. */
export function PackagesPage() {
  const { programmeId } = route.useParams();
  const query = useQuery(packagesQuery(programmeId));
  const [editing, setEditing] = useState<PackageT | "new" | null>(null);
  return (
    <ProgrammeSection programmeId={programmeId} title="Packages">
      {() => (
        <>
          <p className="lead">
            A package is so many sessions of so long within so many weeks. Grove takes no payments: a reference price and cost centre are
            kept for the sponsor's records. Editing a package changes new engagements only.
          </p>
          {query.isPending ? (
            <LoadingState label="Loading the packages…" />
          ) : query.isError ? (
            <ErrorState error={query.error} onRetry={() => void query.refetch()} />
          ) : (
            <ul className="card-list" aria-label="Packages">
              {query.data.items.map((p) => (
                <li key={p.id} className="card">
                  <h2>
                    {p.name} {p.archived ? <span className="badge">Archived</span> : null}
                  </h2>
                  <p>
                    {p.sessions} sessions of {p.sessionMinutes} minutes within {p.periodWeeks} weeks
                    {p.sponsorRequired ? ", needs a sponsor" : ""}. {p.engagements} engagement{p.engagements === 1 ? "" : "s"}.
                  </p>
                  {p.referencePrice || p.costCentre ? (
                    <p className="muted">{[p.referencePrice, p.costCentre].filter(Boolean).join(" · ")}</p>
                  ) : null}
                  <PackageActions programmeId={programmeId} pkg={p} onEdit={() => setEditing(p)} />
                </li>
              ))}
            </ul>
          )}
          {editing ? (
            <PackageForm
              key={editing === "new" ? "new" : editing.id}
              programmeId={programmeId}
              pkg={editing === "new" ? undefined : editing}
              onDone={() => setEditing(null)}
            />
          ) : (
            <button type="button" className="button button--primary" onClick={() => setEditing("new")}>
              Add a package
            </button>
          )}
        </>
      )}
    </ProgrammeSection>
  );
}

function PackageActions({ programmeId, pkg, onEdit }: { programmeId: string; pkg: PackageT; onEdit: () => void }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const toggle = useMutation({
    mutationFn: () => updatePackage(pkg.id, { version: pkg.version, archived: !pkg.archived }),
    onSuccess: async () => {
      setConfirming(false);
      await queryClient.invalidateQueries({ queryKey: coachingKeys.packages(programmeId) });
      announce(pkg.archived ? `${pkg.name} is offered again.` : `${pkg.name} is archived.`);
    },
  });
  return (
    <div className="actions-row actions-row--tight">
      <button type="button" className="button button--secondary button--small" onClick={onEdit}>
        Edit<span className="visually-hidden"> {pkg.name}</span>
      </button>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => (pkg.archived ? toggle.mutate() : setConfirming(true))}
      >
        {pkg.archived ? "Restore" : "Archive"}
        <span className="visually-hidden"> {pkg.name}</span>
      </button>
      <ConfirmDialog
        open={confirming}
        title={`Archive ${pkg.name}?`}
        confirmLabel="Archive"
        pendingLabel="Archiving…"
        pending={toggle.isPending}
        error={toggle.isError ? toggle.error.message : undefined}
        onConfirm={() => toggle.mutate()}
        onCancel={() => setConfirming(false)}
      >
        <p>It is offered for no new shortlist or engagement. Engagements already on it keep their terms.</p>
      </ConfirmDialog>
    </div>
  );
}

function PackageForm({ programmeId, pkg, onDone }: { programmeId: string; pkg?: PackageT; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [d, setD] = useState(() => draftOf(pkg));
  const { errors, clear, validate, showApiError } = useFormErrors();
  const save = useMutation({
    mutationFn: () => (pkg ? updatePackage(pkg.id, { ...bodyOf(d), version: pkg.version }) : createPackage(programmeId, bodyOf(d))),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: coachingKeys.packages(programmeId) });
      announce(`${saved.name} saved.`);
      onDone();
    },
    onError: showApiError,
  });
  const set = (k: keyof Draft) => (v: string) => setD((x) => ({ ...x, [k]: v }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    if (validate(PackageFields, bodyOf(d))) save.mutate();
  };
  return (
    <section className="card" aria-labelledby="package-form-title">
      <h2 id="package-form-title">{pkg ? `Edit ${pkg.name}` : "Add a package"}</h2>
      <form className="form" onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} fields={fields} />
        <TextField id="package-name" label="Name" value={d.name} onChange={set("name")} error={errors.fields.name} maxLength={120} />
        <div className="form__row">
          <TextField
            id="package-sessions"
            label="Sessions"
            type="number"
            min={1}
            max={50}
            value={d.sessions}
            onChange={set("sessions")}
            error={errors.fields.sessions}
          />
          <TextField
            id="package-minutes"
            label="Minutes per session"
            type="number"
            min={15}
            max={240}
            value={d.sessionMinutes}
            onChange={set("sessionMinutes")}
            error={errors.fields.sessionMinutes}
          />
          <TextField
            id="package-weeks"
            label="Within weeks"
            type="number"
            min={1}
            max={104}
            value={d.periodWeeks}
            onChange={set("periodWeeks")}
            error={errors.fields.periodWeeks}
          />
        </div>
        <CheckboxField
          id="package-sponsor"
          label="Needs a sponsor"
          hint="The outcomes cannot be agreed until a sponsor is named."
          checked={d.sponsorRequired}
          onChange={(v) => setD((x) => ({ ...x, sponsorRequired: v }))}
        />
        <TextField
          id="package-price"
          label="Reference price (optional)"
          hint="For the sponsor's records, e.g. EUR 1,800."
          value={d.referencePrice}
          onChange={set("referencePrice")}
          error={errors.fields.referencePrice}
          maxLength={120}
        />
        <TextField
          id="package-cost-centre"
          label="Cost centre (optional)"
          value={d.costCentre}
          onChange={set("costCentre")}
          error={errors.fields.costCentre}
          maxLength={120}
        />
        <div className="actions-row">
          <SubmitButton pending={save.isPending} pendingLabel="Saving…">
            Save the package
          </SubmitButton>
          <button type="button" className="button button--secondary" onClick={onDone}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
