import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { LoadingState } from "../../components/loading-state";
import { SelectField } from "../../components/select-field";
import { TextField } from "../../components/text-field";
import { announce } from "../../lib/announce";
import { isApiError } from "../../lib/api";
import { directoryQuery } from "../participants/participants-api";
import { assignCoach, coachesQuery, coachingKeys, makeShortlists, packagesQuery } from "./coaching-api";

const errorText = (error: unknown) =>
  isApiError(error)
    ? error.fieldIssues.length
      ? error.fieldIssues.map((i) => i.message).join(" ")
      : error.message
    : "That didn't work. Try again.";

function PackageSelect({ programmeId, value, onChange }: { programmeId: string; value: string; onChange: (v: string) => void }) {
  const packages = useQuery(packagesQuery(programmeId));
  if (packages.isPending) return <LoadingState label="Loading the packages…" />;
  const current = (packages.data?.items ?? []).filter((p) => !p.archived);
  if (current.length === 0) return <p className="field__error">Add a package first.</p>;
  return (
    <SelectField
      id="coordinator-package"
      label="Package"
      value={value || current[0].id}
      options={current.map((p) => ({
        value: p.id,
        label: `${p.name}: ${p.sessions} × ${p.sessionMinutes} min within ${p.periodWeeks} weeks`,
      }))}
      onChange={onChange}
    />
  );
}

const firstPackage = (data: { items: { id: string; archived: boolean }[] } | undefined) => data?.items.find((p) => !p.archived)?.id ?? "";

/** Shortlists K coaches for every approved coachee without an engagement, with the matching engine. */
export function ShortlistDialog({ programmeId, open, onClose }: { programmeId: string; open: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const packages = useQuery(packagesQuery(programmeId));
  const [packageId, setPackageId] = useState("");
  const [size, setSize] = useState("3");
  const [startDate, setStartDate] = useState("");
  const make = useMutation({
    mutationFn: () =>
      makeShortlists(programmeId, {
        packageId: packageId || firstPackage(packages.data),
        size: Number(size),
        ...(startDate ? { startDate } : {}),
      }),
    onSuccess: async (result) => {
      onClose();
      await queryClient.invalidateQueries({ queryKey: coachingKeys.programme(programmeId) });
      announce(
        `${result.made.length} shortlist${result.made.length === 1 ? "" : "s"} made and emailed${result.skipped.length ? `; ${result.skipped.length} coachee${result.skipped.length === 1 ? "" : "s"} skipped` : ""}.`,
      );
    },
  });
  return (
    <ConfirmDialog
      open={open}
      title="Shortlist coaches"
      confirmLabel="Make the shortlists"
      pendingLabel="Shortlisting…"
      pending={make.isPending}
      error={make.isError ? errorText(make.error) : undefined}
      onConfirm={() => make.mutate()}
      onCancel={onClose}
    >
      <p>
        For every approved coachee without an engagement, the matching engine picks the best-fitting coaches with a place (specialisms
        against the skills they target, a shared language, time zones), each with why. Each coachee is emailed to choose. An open shortlist
        is replaced.
      </p>
      <PackageSelect programmeId={programmeId} value={packageId} onChange={setPackageId} />
      <SelectField
        id="shortlist-size"
        label="Coaches per shortlist"
        value={size}
        options={["1", "2", "3", "4", "5"].map((n) => ({ value: n, label: n }))}
        onChange={setSize}
      />
      <TextField
        id="shortlist-start"
        label="Engagements start on (optional)"
        hint="Defaults to today."
        type="date"
        value={startDate}
        onChange={setStartDate}
      />
    </ConfirmDialog>
  );
}

/** Assigns a coach to a coachee directly, with a package, a start date and optionally a sponsor. */
export function AssignCoachDialog({ programmeId, open, onClose }: { programmeId: string; open: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const packages = useQuery(packagesQuery(programmeId));
  const coaches = useQuery({ ...coachesQuery(programmeId), enabled: open });
  const coachees = useQuery({
    ...directoryQuery(programmeId, { role: "coachee", status: "approved", sort: "name", limit: 100, offset: 0 }),
    enabled: open,
  });
  const [coachee, setCoachee] = useState("");
  const [coach, setCoach] = useState("");
  const [packageId, setPackageId] = useState("");
  const [startDate, setStartDate] = useState("");
  const [sponsor, setSponsor] = useState("");
  const coachOptions = (coaches.data?.items ?? []).filter((c) => !c.paused && c.capacity > c.engagements);
  const coacheeOptions = coachees.data?.items ?? [];
  const assign = useMutation({
    mutationFn: () =>
      assignCoach(programmeId, {
        coacheeEnrolmentId: coachee || coacheeOptions[0]?.id,
        coachEnrolmentId: coach || coachOptions[0]?.enrolmentId,
        packageId: packageId || firstPackage(packages.data),
        ...(startDate ? { startDate } : {}),
        ...(sponsor.trim() ? { sponsorEmail: sponsor.trim() } : {}),
      }),
    onSuccess: async (e) => {
      onClose();
      await queryClient.invalidateQueries({ queryKey: coachingKeys.programme(programmeId) });
      announce(`${e.coach.name} is assigned to ${e.coachee.name}; both are emailed.`);
    },
  });
  return (
    <ConfirmDialog
      open={open}
      title="Assign a coach"
      confirmLabel="Assign"
      pendingLabel="Assigning…"
      pending={assign.isPending}
      error={assign.isError ? errorText(assign.error) : undefined}
      onConfirm={() => assign.mutate()}
      onCancel={onClose}
    >
      {coaches.isPending || coachees.isPending ? (
        <LoadingState label="Loading coaches and coachees…" />
      ) : (
        <>
          <p>The matching rules still hold: never one's own manager, a shared language, no previous or declined pair.</p>
          <SelectField
            id="assign-coachee"
            label="Coachee"
            value={coachee || coacheeOptions[0]?.id || ""}
            options={coacheeOptions.map((c) => ({ value: c.id, label: `${c.name} (${c.email})` }))}
            onChange={setCoachee}
          />
          <SelectField
            id="assign-coach"
            label="Coach"
            hint="Coaches with a place; paused ones are left out."
            value={coach || coachOptions[0]?.enrolmentId || ""}
            options={coachOptions.map((c) => ({
              value: c.enrolmentId,
              label: `${c.name} (${c.engagements} of ${c.capacity} engagements)`,
            }))}
            onChange={setCoach}
          />
          <PackageSelect programmeId={programmeId} value={packageId} onChange={setPackageId} />
          <TextField
            id="assign-start"
            label="Starts on (optional)"
            hint="Defaults to today."
            type="date"
            value={startDate}
            onChange={setStartDate}
          />
          <TextField
            id="assign-sponsor"
            label="Sponsor's email (optional)"
            hint="Usually the coachee's manager; invited if new."
            type="email"
            value={sponsor}
            onChange={setSponsor}
          />
        </>
      )}
    </ConfirmDialog>
  );
}
