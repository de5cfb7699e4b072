import { useState } from "react";
import { QUESTION_TYPE_LABELS, QUESTION_TYPES, type QuestionType } from "../../../core/surveys/questions";
import { CheckboxField } from "../../components/checkbox-field";
import { SelectField } from "../../components/select-field";
import { TextAreaField } from "../../components/text-area-field";
import { TextField } from "../../components/text-field";
import { announce } from "../../lib/announce";
import type { FieldErrors } from "../../lib/form-errors";
import type { SurveyQuestionT } from "./surveys-api";

type Props = {
  questions: SurveyQuestionT[];
  onChange: (questions: SurveyQuestionT[]) => void;
  errors: FieldErrors;
  /** Answered surveys keep their questions. */
  locked: boolean;
};

const isChoice = (t: QuestionType) => t === "single_choice" || t === "multiple_choice";

/** A fresh id no other question uses: q1, q2, … */
const nextId = (questions: SurveyQuestionT[]) => {
  for (let n = questions.length + 1; ; n++) if (!questions.some((q) => q.id === `q${n}`)) return `q${n}`;
};

/**
 * The survey's questions as cards: type, wording, help, required, choices one per line,
 * and which rating is the pulse. Reordering uses buttons, so it works from the keyboard.
 */
export function QuestionListEditor({ questions, onChange, errors, locked }: Props) {
  const [newType, setNewType] = useState<QuestionType>("rating");
  const set = (i: number, change: Partial<SurveyQuestionT>) => onChange(questions.map((q, j) => (j === i ? { ...q, ...change } : q)));
  const move = (i: number, by: number) => {
    const next = [...questions];
    const [q] = next.splice(i, 1);
    next.splice(i + by, 0, q);
    onChange(next);
    announce(`Question moved to position ${i + by + 1}.`);
    window.setTimeout(() => document.getElementById(`q-${q.id}-${by < 0 ? "up" : "down"}`)?.focus(), 0);
  };
  if (locked) {
    return (
      <div className="notice notice--warning">
        <p>
          People have answered this survey, so its {questions.length} questions stay as they are. Duplicate it from the list to ask
          something different.
        </p>
      </div>
    );
  }
  return (
    <>
      <ol className="question-cards">
        {questions.map((q, i) => {
          const at = (field: string) => errors[`questions.${i}.${field}`];
          return (
            <li key={q.id} className="question-card">
              <div className="question-card__head">
                <h3 id={`q-${q.id}-title`}>Question {i + 1}</h3>
                <div className="actions-row actions-row--tight">
                  <button
                    type="button"
                    id={`q-${q.id}-up`}
                    className="button button--secondary button--small"
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                  >
                    Move up<span className="visually-hidden"> question {i + 1}</span>
                  </button>
                  <button
                    type="button"
                    id={`q-${q.id}-down`}
                    className="button button--secondary button--small"
                    disabled={i === questions.length - 1}
                    onClick={() => move(i, 1)}
                  >
                    Move down<span className="visually-hidden"> question {i + 1}</span>
                  </button>
                  <button
                    type="button"
                    className="button button--danger-outline button--small"
                    onClick={() => {
                      onChange(questions.filter((_, j) => j !== i));
                      announce(`Question ${i + 1} removed.`);
                      window.setTimeout(() => document.getElementById("new-question-type")?.focus(), 0);
                    }}
                  >
                    Remove<span className="visually-hidden"> question {i + 1}</span>
                  </button>
                </div>
              </div>
              <SelectField
                id={`q-${q.id}-type`}
                label="Kind of question"
                value={q.type}
                options={QUESTION_TYPES.map((t) => ({ value: t, label: QUESTION_TYPE_LABELS[t] }))}
                onChange={(v) => {
                  const type = v as QuestionType;
                  set(i, {
                    type,
                    options: isChoice(type) ? (q.options?.length ? q.options : ["", ""]) : undefined,
                    pulse: type === "rating" ? q.pulse : undefined,
                  });
                }}
              />
              <TextField
                id={`q-${q.id}-prompt`}
                label="Question"
                value={q.prompt}
                error={at("prompt")}
                maxLength={300}
                onChange={(v) => set(i, { prompt: v })}
              />
              <TextField
                id={`q-${q.id}-help`}
                label="Help text (optional)"
                value={q.help ?? ""}
                maxLength={500}
                onChange={(v) => set(i, { help: v || undefined })}
              />
              {isChoice(q.type) ? (
                <TextAreaField
                  id={`q-${q.id}-options`}
                  label="Choices"
                  hint="One per line."
                  rows={4}
                  value={(q.options ?? []).join("\n")}
                  error={at("options")}
                  onChange={(v) => set(i, { options: v.split("\n") })}
                />
              ) : null}
              <CheckboxField
                id={`q-${q.id}-required`}
                label="An answer is required"
                checked={q.required}
                onChange={(required) => set(i, { required })}
              />
              {q.type === "rating" ? (
                <CheckboxField
                  id={`q-${q.id}-pulse`}
                  label="This is the pulse score"
                  hint="Trended by week in the results; a low score raises an alert in the queue."
                  checked={q.pulse ?? false}
                  onChange={(pulse) =>
                    onChange(questions.map((x, j) => (j === i ? { ...x, pulse } : pulse ? { ...x, pulse: undefined } : x)))
                  }
                />
              ) : null}
              {at("pulse") ? <p className="field__error">{at("pulse")}</p> : null}
            </li>
          );
        })}
      </ol>
      <fieldset className="bulk-bar">
        <legend className="visually-hidden">Add a question</legend>
        <SelectField
          id="new-question-type"
          label="Kind of question to add"
          value={newType}
          options={QUESTION_TYPES.map((t) => ({ value: t, label: QUESTION_TYPE_LABELS[t] }))}
          onChange={(v) => setNewType(v as QuestionType)}
        />
        <button
          type="button"
          className="button button--secondary"
          disabled={questions.length >= 40}
          onClick={() => {
            const id = nextId(questions);
            onChange([
              ...questions,
              { id, type: newType, prompt: "", required: false, ...(isChoice(newType) ? { options: ["", ""] } : {}) },
            ]);
            window.setTimeout(() => document.getElementById(`q-${id}-prompt`)?.focus(), 0);
          }}
        >
          Add question
        </button>
      </fieldset>
    </>
  );
}
