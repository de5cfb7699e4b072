import { AGREEMENT_LABELS } from "../../../core/surveys/questions";
import { FieldError } from "../../components/field-error";
import { RadioGroup } from "../../components/radio-group";
import { TextAreaField } from "../../components/text-area-field";
import { TextField } from "../../components/text-field";
import type { FieldErrors } from "../../lib/form-errors";
import type { AnswerValue, SurveyQuestionT } from "./surveys-api";

type SurveyFieldsProps = {
  questions: SurveyQuestionT[];
  values: Record<string, AnswerValue>;
  onChange: (questionId: string, value: AnswerValue | undefined) => void;
  /** Keyed "answers.<question id>", as the server's issues point. */
  errors: FieldErrors;
  idPrefix: string;
};

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

/**
 * A survey's questions as form fields: scales as radio rows that wrap on a phone, choices
 * as radios or checkboxes, text as inputs. Used by the respondent page and the builder's preview.
 */
export function SurveyFields({ questions, values, onChange, errors, idPrefix }: SurveyFieldsProps) {
  return (
    <ol className="survey-questions">
      {questions.map((q, index) => {
        const id = `${idPrefix}-${q.id}`;
        const error = errors[`answers.${q.id}`];
        const legend = (
          <>
            <span className="survey-questions__number">{index + 1}. </span>
            {q.prompt}
            <span className="survey-questions__required">{q.required ? " (required)" : " (optional)"}</span>
          </>
        );
        const value = values[q.id];
        const asText = value === undefined ? "" : String(value);
        return (
          <li key={q.id} className="survey-questions__item">
            {q.type === "nps" || q.type === "rating" ? (
              <RadioGroup
                id={id}
                name={id}
                legend={legend}
                hint={q.help ?? (q.type === "nps" ? "0 is not at all likely, 10 is extremely likely." : "1 is the lowest, 5 the highest.")}
                className="radio-group--inline radio-group--scale"
                value={asText}
                error={error}
                options={range(q.type === "nps" ? 0 : 1, q.type === "nps" ? 10 : 5).map((v) => ({ value: v, label: v }))}
                onChange={(v) => onChange(q.id, Number(v))}
              />
            ) : q.type === "agreement" ? (
              <RadioGroup
                id={id}
                name={id}
                legend={legend}
                hint={q.help}
                value={asText}
                error={error}
                options={AGREEMENT_LABELS.map((label, i) => ({ value: String(i + 1), label }))}
                onChange={(v) => onChange(q.id, Number(v))}
              />
            ) : q.type === "single_choice" ? (
              <RadioGroup
                id={id}
                name={id}
                legend={legend}
                hint={q.help}
                value={asText}
                error={error}
                options={(q.options ?? []).map((o) => ({ value: o, label: o }))}
                onChange={(v) => onChange(q.id, v)}
              />
            ) : q.type === "multiple_choice" ? (
              <fieldset
                className={`field${error ? " field--invalid" : ""}`}
                id={id}
                aria-describedby={[q.help ? `${id}-hint` : "", error ? `${id}-error` : ""].join(" ").trim() || undefined}
              >
                <legend>{legend}</legend>
                <p className="field__hint" id={`${id}-hint`}>
                  {q.help ?? "Choose all that apply."}
                </p>
                <FieldError id={id} error={error} />
                {(q.options ?? []).map((o, i) => {
                  const chosen = Array.isArray(value) ? value : [];
                  return (
                    <div className="checkbox" key={o}>
                      <input
                        type="checkbox"
                        id={`${id}-${i}`}
                        checked={chosen.includes(o)}
                        onChange={(event) => {
                          const next = event.target.checked ? [...chosen, o] : chosen.filter((c) => c !== o);
                          onChange(q.id, next.length ? next : undefined);
                        }}
                      />
                      <label htmlFor={`${id}-${i}`}>{o}</label>
                    </div>
                  );
                })}
              </fieldset>
            ) : q.type === "short_text" ? (
              <TextField
                id={id}
                label={legend}
                hint={q.help}
                value={asText}
                error={error}
                maxLength={200}
                onChange={(v) => onChange(q.id, v || undefined)}
              />
            ) : (
              <TextAreaField
                id={id}
                label={legend}
                hint={q.help}
                value={asText}
                error={error}
                maxLength={4000}
                onChange={(v) => onChange(q.id, v || undefined)}
              />
            )}
          </li>
        );
      })}
    </ol>
  );
}
