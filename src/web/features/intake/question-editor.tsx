import { type FormEvent, useState } from "react";
import { CUSTOM_KINDS, type IntakeRole } from "../../../core/intake/questions";
import { validateFormQuestions } from "../../../core/intake/validate-form";
import { CheckboxField } from "../../components/checkbox-field";
import { ErrorSummary, type FieldTargets } from "../../components/error-summary";
import { SelectField } from "../../components/select-field";
import { TextAreaField } from "../../components/text-area-field";
import { TextField } from "../../components/text-field";
import { useFormErrors } from "../../lib/form-errors";
import type { Question } from "./answer-draft";

export const kindLabels: Record<Question["kind"], string> = {
  short_text: "Short answer",
  long_text: "Paragraph",
  single_choice: "One choice",
  multi_choice: "Several choices",
  scale: "Scale of 1 to 5",
  skills: "Skills with levels",
  number: "Number",
  tags: "List of words",
  timezone: "Time zone",
  availability: "Weekly times",
  email: "Email address",
};

const kindHints: Partial<Record<Question["kind"], string>> = {
  short_text: "A line of text, up to 200 characters.",
  long_text: "A few paragraphs, up to 5,000 characters.",
  single_choice: "Pick exactly one of your choices.",
  multi_choice: "Tick any number of your choices.",
  scale: "A number from 1 (least) to 5 (most).",
  skills: "Skills from the skills list, each with a level from 1 to 5.",
};

const kindOptions = CUSTOM_KINDS.map((kind) => ({ value: kind, label: `${kindLabels[kind]}: ${kindHints[kind] ?? ""}` }));

/** A key from the wording: "What's your favourite stack?" → "whats_your_favourite_stack". */
export function keyFromLabel(label: string): string {
  const key = label
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 40)
    .replace(/_+$/g, "");
  return /^[a-z]/.test(key) ? key : key ? `q_${key}`.slice(0, 40) : "";
}

type QuestionEditorProps = {
  idPrefix: string;
  role: IntakeRole;
  /** The question being edited, or null to write a new one. */
  question: Question | null;
  /** Whether the question exists in the saved form: then its key and kind stay as they are. */
  saved: boolean;
  /** The other questions of the form, to check the key is not taken. */
  others: ReadonlyArray<Question>;
  onDone: (question: Question) => void;
  onCancel: () => void;
};

type Draft = { kind: Question["kind"]; label: string; help: string; key: string; required: boolean; choices: string };

/**
 * Writes or changes one question. Built-in questions can be reworded or made optional;
 * custom ones also get a kind, a key and, for choices, the options.
 */
export function QuestionEditor({ idPrefix, role, question, saved, others, onDone, onCancel }: QuestionEditorProps) {
  const builtin = Boolean(question?.builtin);
  const [draft, setDraft] = useState<Draft>({
    kind: question?.kind ?? "short_text",
    label: question?.label ?? "",
    help: question?.help ?? "",
    key: question?.key ?? "",
    required: question?.required ?? false,
    choices: (question?.choices ?? []).join("\n"),
  });
  // A new question's key follows its wording until someone types a key of their own.
  const [keyTouched, setKeyTouched] = useState(Boolean(question));
  const { errors, clear, show } = useFormErrors();
  const id = (field: string) => `${idPrefix}-${field}`;
  const hasChoices = draft.kind === "single_choice" || draft.kind === "multi_choice";
  const keyLocked = saved || builtin;

  const set =
    <K extends keyof Draft>(field: K) =>
    (value: Draft[K]) =>
      setDraft((current) => {
        const next = { ...current, [field]: value };
        if (field === "label" && !keyTouched) next.key = keyFromLabel(String(value));
        return next;
      });

  const fields: FieldTargets = {
    kind: { label: "Kind of answer", target: id("kind") },
    label: { label: "Question", target: id("label") },
    help: { label: "Help text", target: id("help") },
    key: { label: "Key", target: id("key") },
    choices: { label: "Choices", target: id("choices") },
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const choices = draft.choices
      .split("\n")
      .map((choice) => choice.trim())
      .filter(Boolean);
    const candidate: Question = {
      ...(question ?? {}),
      key: draft.key.trim(),
      label: draft.label.trim(),
      kind: draft.kind,
      required: draft.required,
      ...(draft.help.trim() ? { help: draft.help.trim() } : { help: undefined }),
      ...(hasChoices ? { choices } : { choices: undefined }),
    };
    if (!candidate.help) delete candidate.help;
    if (!candidate.choices) delete candidate.choices;
    // The server's own checks, run on this question alongside the rest of the form.
    const index = others.length;
    const problems = validateFormQuestions(role, [...others, candidate]).filter((problem) => problem.path[0] === index);
    const found: Record<string, string> = {};
    for (const problem of problems) {
      const field = String(problem.path[1] ?? "");
      if (!(field in found)) found[field] = problem.message;
    }
    if (candidate.label.length > 300) found.label ??= "Questions are at most 300 characters";
    if ((candidate.help ?? "").length > 500) found.help ??= "Help text is at most 500 characters";
    if (Object.keys(found).length > 0) return show(found);
    clear();
    onDone(candidate);
  };

  return (
    <form className="form question-editor" onSubmit={submit} noValidate aria-labelledby={id("title")}>
      <h3 id={id("title")} className="question-editor__title" tabIndex={-1}>
        {question ? `Change “${question.label}”` : "New question"}
      </h3>
      <ErrorSummary errors={errors} fields={fields} title="Check the question" />
      {builtin ? (
        <p className="field__hint">
          A built-in question: matching reads its answers, so its kind ({kindLabels[draft.kind].toLowerCase()}) and key stay as they are.
          You can reword it, change its help text, or make it optional.
        </p>
      ) : saved ? (
        <p className="field__hint">Answers already given keep this question's key and kind; you can reword it and change its options.</p>
      ) : (
        <SelectField
          id={id("kind")}
          label="Kind of answer"
          value={draft.kind}
          options={kindOptions}
          onChange={(value) => set("kind")(value as Question["kind"])}
          error={errors.fields.kind}
        />
      )}
      <TextField
        id={id("label")}
        label="Question"
        value={draft.label}
        onChange={set("label")}
        error={errors.fields.label}
        autoComplete="off"
        maxLength={300}
      />
      <TextField
        id={id("help")}
        label="Help text (optional)"
        value={draft.help}
        onChange={set("help")}
        error={errors.fields.help}
        hint="Shown under the question, e.g. an example of a good answer."
        autoComplete="off"
        maxLength={500}
      />
      {hasChoices ? (
        <TextAreaField
          id={id("choices")}
          label="Choices"
          value={draft.choices}
          onChange={set("choices")}
          error={errors.fields.choices}
          hint="One per line, at least two."
          rows={4}
        />
      ) : null}
      {keyLocked ? (
        <p>
          Key: <code>{draft.key}</code>
        </p>
      ) : (
        <TextField
          id={id("key")}
          label="Key"
          value={draft.key}
          onChange={(value) => {
            setKeyTouched(true);
            set("key")(value);
          }}
          error={errors.fields.key}
          hint="Names the answer in CSV imports and exports. Lower-case letters, digits and _, starting with a letter. It can't change once saved."
          autoComplete="off"
          spellCheck={false}
          maxLength={40}
        />
      )}
      <CheckboxField id={id("required")} label="Applicants must answer this" checked={draft.required} onChange={set("required")} />
      <div className="form__actions">
        <button type="submit" className="button button--primary">
          {question ? "Keep these changes" : "Add this question"}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
