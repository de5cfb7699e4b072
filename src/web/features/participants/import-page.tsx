import { useMutation, useQueries, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { type ChangeEvent, type RefObject, useEffect, useMemo, useRef, useState } from "react";
import type { IntakeRole } from "../../../core/intake/questions";
import { rulesFor } from "../../../core/programme-modes";
import { ErrorSummary, type FieldTargets } from "../../components/error-summary";
import { TextAreaField } from "../../components/text-area-field";
import { useFormErrors } from "../../lib/form-errors";
import { intakeRoleLabels } from "../enrolment/enrolment-labels";
import { intakeFormQuery } from "../intake/intake-api";
import { ProgrammeSection } from "../programmes/programme-section";
import type { Programme } from "../programmes/programmes-api";
import { type ImportReport, importCsv, participantKeys } from "./participants-api";

const route = getRouteApi("/_app/programmes/$programmeId/import");
const MAX_BYTES = 20 * 1024 * 1024;

export function ImportPage() {
  const { programmeId } = route.useParams();
  return (
    <ProgrammeSection programmeId={programmeId} title="Import people">
      {(programme) => <Import programme={programme} />}
    </ProgrammeSection>
  );
}

type Source = { name: string; text: string };
type Outcome = { kind: "checked" | "imported"; report: ImportReport; source: Source };

const fields: FieldTargets = {
  file: { label: "CSV file", target: "import-file" },
  paste: { label: "CSV text", target: "import-paste" },
};

function Import({ programme }: { programme: Programme }) {
  const queryClient = useQueryClient();
  const { errors, clear, show, showApiError } = useFormErrors();
  const [source, setSource] = useState<Source | null>(null);
  const [pasted, setPasted] = useState("");
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const reportRef = useRef<HTMLHeadingElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const closed = programme.status === "archived" || programme.status === "completed";

  useEffect(() => {
    if (outcome) reportRef.current?.focus();
  }, [outcome]);

  const mutation = useMutation({
    mutationFn: ({ text, dryRun }: { text: string; dryRun: boolean; source: Source }) => importCsv(programme.id, text, dryRun),
    onSuccess: async (report, { dryRun, source: checked }) => {
      setOutcome({ kind: dryRun || report.errors.length > 0 ? "checked" : "imported", report, source: checked });
      if (!dryRun && report.errors.length === 0) {
        await queryClient.invalidateQueries({ queryKey: participantKeys.all(programme.id) });
      }
    },
    onError: showApiError,
  });

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setOutcome(null);
    clear();
    if (!file) {
      setSource(null);
      return;
    }
    if (file.size > MAX_BYTES) {
      setSource(null);
      show({ file: "The file is larger than 20 MB. Split it into smaller files." });
      return;
    }
    setPasted("");
    setSource({ name: file.name, text: await file.text() });
  };

  const run = (dryRun: boolean) => {
    if (!source?.text.trim()) {
      show({ file: "Choose a CSV file, or paste its text below" });
      return;
    }
    clear();
    mutation.mutate({ text: source.text, dryRun, source });
  };

  // The check is only good for the exact text that was checked.
  const checkedThis = outcome?.kind === "checked" && outcome.source === source;
  const readyToImport = checkedThis && outcome.report.errors.length === 0 && outcome.report.rows > 0;

  if (closed) {
    return (
      <p className="notice notice--warning">A {programme.status} programme doesn't take new participants, so nothing can be imported.</p>
    );
  }

  return (
    <>
      <p>
        Bring in people from an HR system or a spreadsheet. New people are approved straight away and get an email to choose a password;
        people already in the programme are updated, matched by email. Importing the same file twice changes nothing the second time.
      </p>
      <FileContract programme={programme} />

      <section aria-labelledby="import-form-title" className="card">
        <h2 id="import-form-title">Check, then import</h2>
        <p>
          First check the file: nothing is written. <strong>A file with any problem imports nothing at all</strong>, so fix every row listed
          and check again. When the check is clean, import the same file.
        </p>
        <ErrorSummary errors={errors} fields={fields} formTitle="That didn't work" />
        <div className="form">
          <div className={`field${errors.fields.file ? " field--invalid" : ""}`}>
            <label htmlFor="import-file">CSV file</label>
            <p className="field__hint" id="import-file-hint">
              UTF-8, comma-separated, with the column names on the first line. Up to 20 MB.
            </p>
            {errors.fields.file ? (
              <p className="field__error" id="import-file-error">
                <span className="visually-hidden">Error: </span>
                {errors.fields.file}
              </p>
            ) : null}
            <input
              id="import-file"
              ref={fileRef}
              type="file"
              accept=".csv,text/csv,text/plain"
              aria-describedby={errors.fields.file ? "import-file-hint import-file-error" : "import-file-hint"}
              aria-invalid={errors.fields.file ? true : undefined}
              onChange={(event) => void chooseFile(event)}
            />
          </div>
          <TextAreaField
            id="import-paste"
            label="Or paste the CSV text"
            value={pasted}
            onChange={(text) => {
              setPasted(text);
              setOutcome(null);
              if (fileRef.current) fileRef.current.value = "";
              setSource(text.trim() ? { name: "the pasted text", text } : null);
            }}
            rows={5}
            spellCheck={false}
            className="mono"
          />
          <p className="muted" aria-live="polite">
            {source ? `Ready: ${source.name} (${countLines(source.text)} lines).` : "No file chosen yet."}
          </p>
          <div className="form__actions">
            <button
              type="button"
              className={`button ${readyToImport ? "button--secondary" : "button--primary"}`}
              onClick={() => run(true)}
              aria-disabled={mutation.isPending || undefined}
            >
              {mutation.isPending && mutation.variables?.dryRun ? "Checking…" : "Check the file"}
            </button>
            {readyToImport ? (
              <button
                type="button"
                className="button button--primary"
                onClick={() => run(false)}
                aria-disabled={mutation.isPending || undefined}
              >
                {mutation.isPending && !mutation.variables?.dryRun
                  ? "Importing…"
                  : `Import ${outcome.report.rows} ${outcome.report.rows === 1 ? "row" : "rows"}`}
              </button>
            ) : null}
          </div>
        </div>
      </section>

      {outcome ? <ReportPanel outcome={outcome} headingRef={reportRef} programmeId={programme.id} /> : null}
    </>
  );
}

const countLines = (text: string) => text.split(/\r\n|\n|\r/).filter((line) => line.trim()).length;

function ReportPanel({
  outcome,
  headingRef,
  programmeId,
}: {
  outcome: Outcome;
  headingRef: RefObject<HTMLHeadingElement | null>;
  programmeId: string;
}) {
  const { report, kind, source } = outcome;
  const problems = report.errors.length;
  const title =
    problems > 0
      ? `${problems} ${problems === 1 ? "problem" : "problems"} in ${source.name}: nothing was imported`
      : kind === "checked"
        ? `${source.name} is ready to import`
        : "Import finished";
  return (
    <section
      aria-labelledby="import-report-title"
      className={`card import-report ${problems > 0 ? "import-report--errors" : "import-report--ok"}`}
    >
      <h2 id="import-report-title" ref={headingRef} tabIndex={-1}>
        {title}
      </h2>
      {problems > 0 ? (
        <>
          <p>Fix these in the file and check it again. Row numbers count the header as row 1, as spreadsheets show them.</p>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable so keyboard users can scroll it */}
          <section className="table-scroll" aria-labelledby="import-problems-caption" tabIndex={0}>
            <table className="data-table">
              <caption id="import-problems-caption" className="visually-hidden">
                Problems found in {source.name}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Column</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {report.errors.map((error, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: one row may have several problems in one column
                  <tr key={`${error.row}-${error.column}-${index}`}>
                    <td>{error.row}</td>
                    <td>{error.column ? <code>{error.column}</code> : <span className="muted">whole row</span>}</td>
                    <td>{error.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      ) : (
        <>
          <p>
            {report.rows} {report.rows === 1 ? "row" : "rows"}
            {kind === "checked" ? " checked" : " imported"}:
          </p>
          <ul className="counts">
            <li>
              <strong>{report.created}</strong> new {report.created === 1 ? "person" : "people"}
              {kind === "imported" && report.created > 0 ? ", emailed a link to choose a password" : ""}
            </li>
            <li>
              <strong>{report.updated}</strong> updated
            </li>
            <li>
              <strong>{report.unchanged}</strong> unchanged
            </li>
          </ul>
          {kind === "checked" ? (
            <p>Nothing has been written yet. Use “Import” above to import this file.</p>
          ) : (
            <p>
              <Link to="/programmes/$programmeId/participants" params={{ programmeId }}>
                See the participants
              </Link>
            </p>
          )}
        </>
      )}
    </section>
  );
}

/** The columns this programme's files may have, with a header-only template to start from. */
function FileContract({ programme }: { programme: Programme }) {
  const roles = rulesFor(programme.type).roles.applicants;
  const forms = useQueries({ queries: roles.map((role) => intakeFormQuery(programme.id, role)) });
  const columns = useMemo(() => {
    const byKey = new Map<string, { label: string; roles: IntakeRole[]; required: boolean }>();
    forms.forEach((form, index) => {
      for (const question of form.data?.questions ?? []) {
        const existing = byKey.get(question.key);
        if (existing) existing.roles.push(roles[index]);
        else byKey.set(question.key, { label: question.label, roles: [roles[index]], required: question.required });
      }
    });
    return [...byKey.entries()];
  }, [forms, roles]);
  const template = useMemo(() => {
    const header = ["email", "name", "role", ...columns.map(([key]) => key)].join(",");
    return `data:text/csv;charset=utf-8,${encodeURIComponent(`${header}\n`)}`;
  }, [columns]);

  return (
    <details className="card contract">
      <summary>What the file looks like</summary>
      <ul>
        <li>
          The first line names the columns: <code>email</code>, <code>name</code> and <code>role</code> ({roles.join(" or ")}), then any of
          the question keys below, in any order. A column that is no question's key is an error.
        </li>
        <li>
          Lists are separated by <code>;</code>. Skills are written <code>Name:level</code> with a level from 1 to 5, e.g.{" "}
          <code>Go:4;Kubernetes:3</code>. Weekly times look like <code>mon 18:00-20:00</code>.
        </li>
        <li>Leave a cell empty when the row's role doesn't have that question. Choices match whatever the case.</li>
        <li>
          An export from the Participants page has the same columns plus <code>status</code>, <code>applied_at</code> and{" "}
          <code>training_completed</code>: delete those three to import an edited export.
        </li>
      </ul>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable so keyboard users can scroll it */}
      <section className="table-scroll" aria-labelledby="contract-caption" tabIndex={0}>
        <table className="data-table">
          <caption id="contract-caption">Question keys in this programme</caption>
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Question</th>
              <th scope="col">Form</th>
            </tr>
          </thead>
          <tbody>
            {columns.map(([key, column]) => (
              <tr key={key}>
                <td>
                  <code>{key}</code>
                </td>
                <td>
                  {column.label}
                  {column.required ? <span className="muted"> (required)</span> : null}
                </td>
                <td>{column.roles.map((role) => intakeRoleLabels[role]).join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <p>
        <a href={template} download={`${programme.slug}-import-template.csv`}>
          Download a template with these columns
        </a>
        . The full contract is in Grove's documentation (<code>docs/enrolment.md</code>, “CSV import contract”), and the upload endpoint is
        in the <a href="/api/docs">API reference</a>.
      </p>
    </details>
  );
}
