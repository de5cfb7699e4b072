import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { IntakeFormSave } from "../../../contracts/intake";
import type { IntakeRole } from "../../../core/intake/questions";
import { rulesFor } from "../../../core/programme-modes";
import { ErrorState } from "../../components/error-state";
import { ErrorSummary, type FieldTargets } from "../../components/error-summary";
import { LoadingState } from "../../components/loading-state";
import { announce } from "../../lib/announce";
import { isApiError } from "../../lib/api";
import { formatDateTime } from "../../lib/dates";
import { nestedField, useFormErrors } from "../../lib/form-errors";
import { intakeRoleLabels } from "../enrolment/enrolment-labels";
import { ProgrammeSection } from "../programmes/programme-section";
import type { Programme } from "../programmes/programmes-api";
import { type AnswerDraft, type DraftValue, draftFromAnswers, type Question } from "./answer-draft";
import { type IntakeForm, intakeFormQuery, intakeKeys, saveIntakeForm } from "./intake-api";
import { IntakeFormFields } from "./intake-form-fields";
import { kindLabels, QuestionEditor } from "./question-editor";

const route = getRouteApi("/_app/programmes/$programmeId/forms");

export function FormBuilderPage() {
  const { programmeId } = route.useParams();
  const search = route.useSearch();
  return (
    <ProgrammeSection programmeId={programmeId} title="Intake forms">
      {(programme) => {
        const roles = rulesFor(programme.type).roles.applicants;
        const role = search.role && roles.includes(search.role) ? search.role : roles[1];
        return (
          <>
            <p>
              Everyone who applies, accepts an invitation or is imported answers the form for their role. Questions marked{" "}
              <strong>built-in</strong> feed matching: reword them or make them optional, but they stay on the form.
            </p>
            <nav aria-label="Which form" className="filters filters--spaced">
              <ul>
                {roles.map((r) => (
                  <li key={r}>
                    <Link
                      to="/programmes/$programmeId/forms"
                      params={{ programmeId: programme.id }}
                      search={{ role: r }}
                      aria-current={r === role ? "page" : undefined}
                      className="filters__link"
                    >
                      {intakeRoleLabels[r]} form
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
            <RoleForm key={role} programme={programme} role={role} />
          </>
        );
      }}
    </ProgrammeSection>
  );
}

function RoleForm({ programme, role }: { programme: Programme; role: IntakeRole }) {
  const query = useQuery(intakeFormQuery(programme.id, role));
  if (query.isPending) return <LoadingState label={`Loading the ${role} form…`} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} title="The form couldn't be loaded" />;
  // A newly saved or reloaded version starts the editor afresh from it.
  return <FormEditor key={query.data.version} programme={programme} role={role} form={query.data} onReload={() => query.refetch()} />;
}

type Editing = { index: number } | { index: "new" } | null;

const fieldKey = nestedField(2);

function FormEditor({
  programme,
  role,
  form,
  onReload,
}: {
  programme: Programme;
  role: IntakeRole;
  form: IntakeForm;
  onReload: () => Promise<unknown>;
}) {
  const queryClient = useQueryClient();
  const [questions, setQuestions] = useState<Question[]>(form.questions);
  const [editing, setEditing] = useState<Editing>(null);
  const [conflict, setConflict] = useState(false);
  const [showPreview, setShowPreview] = useState(false);
  const { errors, clear, show, validate, showApiError } = useFormErrors(fieldKey);
  const savedKeys = new Set(form.questions.map((q) => q.key));
  const dirty = JSON.stringify(questions) !== JSON.stringify(form.questions);
  const conflictRef = useRef<HTMLDivElement>(null);
  const archived = programme.status === "archived";

  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  const focusLater = (id: string) => window.setTimeout(() => document.getElementById(id)?.focus(), 0);

  const mutation = useMutation({
    mutationFn: (body: { version: number; questions: Question[] }) => saveIntakeForm(programme.id, role, body),
    onSuccess: (saved) => {
      announce(`The ${role} form is saved as version ${saved.version}.`);
      // Replacing the cached form remounts the editor on the new version.
      queryClient.setQueryData(intakeKeys.form(programme.id, role), saved);
      focusLater("form-saved");
    },
    onError: (error) => {
      if (isApiError(error, "version_conflict")) {
        clear();
        setConflict(true);
        return;
      }
      showApiError(error);
    },
  });

  const save = () => {
    if (editing) {
      show({}, "Finish or cancel the question you are editing first.");
      return;
    }
    const body = validate(IntakeFormSave, { version: form.version, questions });
    if (!body) return;
    clear();
    mutation.mutate(body);
  };

  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    if (target < 0 || target >= questions.length) return;
    const next = [...questions];
    [next[index], next[target]] = [next[target], next[index]];
    setQuestions(next);
    announce(`“${questions[index].label}” moved ${by < 0 ? "up" : "down"} to position ${target + 1} of ${questions.length}.`);
    // Keep focus on the question that moved: on the same button, or the other one at an end.
    const stillPossible = by < 0 ? target > 0 : target < questions.length - 1;
    focusLater(`question-${target}-${stillPossible ? (by < 0 ? "up" : "down") : by < 0 ? "down" : "up"}`);
  };

  const remove = (index: number) => {
    const removed = questions[index];
    setQuestions(questions.filter((_, i) => i !== index));
    announce(`“${removed.label}” removed. Save the form to make it final.`);
    focusLater(index < questions.length - 1 ? `question-${index}-title` : "add-question");
  };

  const summaryFields: FieldTargets = Object.fromEntries(
    questions.map((question, index) => [
      `questions.${index}`,
      { label: `Question ${index + 1} (${question.label})`, target: `question-${index}-title` },
    ]),
  );

  const reload = async () => {
    setConflict(false);
    await onReload();
  };

  return (
    <section aria-labelledby="form-editor-title">
      <h2 id="form-editor-title">{intakeRoleLabels[role]} form</h2>
      <p className="muted" id="form-saved" tabIndex={-1}>
        Version {form.version}, saved {formatDateTime(form.updatedAt)}. Answers keep the wording they were given to.
      </p>
      <ErrorSummary errors={errors} fields={summaryFields} formTitle="The form wasn't saved" title="The form wasn't saved" />
      {conflict ? (
        <div className="notice notice--error" role="alert" tabIndex={-1} ref={conflictRef}>
          <h3 className="notice__title">Someone else saved this form</h3>
          <p>
            {isApiError(mutation.error) ? mutation.error.message : "The form changed while you were editing it."} Your changes are still
            below. Loading the latest version replaces them, so note down anything you want to keep.
          </p>
          <button type="button" className="button button--secondary" onClick={() => void reload()}>
            Load the latest version
          </button>
        </div>
      ) : null}

      <ol className="question-list">
        {questions.map((question, index) => {
          const editingThis = editing !== null && editing.index === index;
          const error = errors.fields[`questions.${index}`];
          return (
            <li key={question.key || `new-${index}`} className={`question-item${error ? " question-item--invalid" : ""}`}>
              {editingThis ? (
                <QuestionEditor
                  idPrefix={`question-${index}-edit`}
                  role={role}
                  question={question}
                  saved={savedKeys.has(question.key)}
                  others={questions.filter((_, i) => i !== index)}
                  onCancel={() => {
                    setEditing(null);
                    focusLater(`question-${index}-edit-button`);
                  }}
                  onDone={(changed) => {
                    setQuestions(questions.map((q, i) => (i === index ? changed : q)));
                    setEditing(null);
                    announce(`Question ${index + 1} changed. Save the form to make it final.`);
                    focusLater(`question-${index}-edit-button`);
                  }}
                />
              ) : (
                <>
                  <h3 className="question-item__title" id={`question-${index}-title`} tabIndex={-1}>
                    <span className="question-item__number">{index + 1}.</span> {question.label}
                  </h3>
                  <p className="question-item__meta">
                    <span className="badge">{kindLabels[question.kind]}</span>
                    {question.builtin ? <span className="badge badge--builtin">Built-in</span> : null}
                    <span className="badge">{question.required ? "Required" : "Optional"}</span>
                    <span className="muted">
                      Key <code>{question.key}</code>
                    </span>
                  </p>
                  {question.help ? <p className="field__hint">{question.help}</p> : null}
                  {question.choices?.length ? <p className="muted">Choices: {question.choices.join(", ")}</p> : null}
                  {error ? (
                    <p className="field__error">
                      <span className="visually-hidden">Error: </span>
                      {error}
                    </p>
                  ) : null}
                  {archived ? null : (
                    <div className="actions-row actions-row--tight">
                      <button
                        type="button"
                        id={`question-${index}-edit-button`}
                        className="button button--secondary button--small"
                        onClick={() => {
                          setEditing({ index });
                          focusLater(`question-${index}-edit-title`);
                        }}
                      >
                        {question.builtin ? "Reword" : "Edit"}
                        <span className="visually-hidden"> question {index + 1}</span>
                      </button>
                      <button
                        type="button"
                        id={`question-${index}-up`}
                        className="button button--secondary button--small"
                        onClick={() => move(index, -1)}
                        disabled={index === 0}
                      >
                        Move up<span className="visually-hidden"> question {index + 1}</span>
                      </button>
                      <button
                        type="button"
                        id={`question-${index}-down`}
                        className="button button--secondary button--small"
                        onClick={() => move(index, 1)}
                        disabled={index === questions.length - 1}
                      >
                        Move down<span className="visually-hidden"> question {index + 1}</span>
                      </button>
                      {question.builtin ? null : (
                        <button type="button" className="button button--danger-outline button--small" onClick={() => remove(index)}>
                          Remove<span className="visually-hidden"> question {index + 1}</span>
                        </button>
                      )}
                    </div>
                  )}
                </>
              )}
            </li>
          );
        })}
      </ol>

      {archived ? (
        <p className="notice notice--warning">This programme is archived; restore it to change its forms.</p>
      ) : editing?.index === "new" ? (
        <div className="card">
          <QuestionEditor
            idPrefix="question-new"
            role={role}
            question={null}
            saved={false}
            others={questions}
            onCancel={() => {
              setEditing(null);
              focusLater("add-question");
            }}
            onDone={(added) => {
              setQuestions([...questions, added]);
              setEditing(null);
              announce(`“${added.label}” added as question ${questions.length + 1}. Save the form to make it final.`);
              focusLater("add-question");
            }}
          />
        </div>
      ) : (
        <p>
          <button
            type="button"
            id="add-question"
            className="button button--secondary"
            onClick={() => {
              setEditing({ index: "new" });
              focusLater("question-new-title");
            }}
          >
            Add a question
          </button>
        </p>
      )}

      {archived ? null : (
        <div className="save-bar">
          <p role="status" className="save-bar__state">
            {dirty ? "You have changes that aren't saved yet." : "No unsaved changes."}
          </p>
          <div className="form__actions">
            <button type="button" className="button button--primary" onClick={save} aria-disabled={mutation.isPending || undefined}>
              {mutation.isPending ? "Saving…" : "Save form"}
            </button>
            {dirty ? (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  setQuestions(form.questions);
                  setEditing(null);
                  clear();
                  announce("Changes discarded.");
                  focusLater("form-editor-title");
                }}
              >
                Discard changes
              </button>
            ) : null}
          </div>
        </div>
      )}

      <section aria-labelledby="form-preview-title" className="card preview">
        <h2 id="form-preview-title">Preview</h2>
        <p className="muted">What someone joining as a {intakeRoleLabels[role].toLowerCase()} sees, including changes you haven't saved.</p>
        <button
          type="button"
          className="button button--secondary"
          aria-expanded={showPreview}
          aria-controls="form-preview"
          onClick={() => setShowPreview(!showPreview)}
        >
          {showPreview ? "Hide the preview" : "Show the preview"}
        </button>
        <div id="form-preview" hidden={!showPreview}>
          {showPreview ? <FormPreview questions={questions} /> : null}
        </div>
      </section>
    </section>
  );
}

function FormPreview({ questions }: { questions: Question[] }) {
  const [draft, setDraft] = useState<AnswerDraft>(() => draftFromAnswers(questions));
  return (
    <div className="form preview__form">
      <IntakeFormFields
        idPrefix="preview"
        questions={questions}
        values={{ ...draftFromAnswers(questions), ...draft }}
        onChange={(key: string, value: DraftValue) => setDraft((current) => ({ ...current, [key]: value }))}
        errors={{}}
      />
    </div>
  );
}
