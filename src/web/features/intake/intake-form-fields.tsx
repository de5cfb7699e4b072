import { FieldError } from "../../components/field-error";
import { RadioGroup } from "../../components/radio-group";
import { TextAreaField } from "../../components/text-area-field";
import { TextField } from "../../components/text-field";
import type { FieldErrors } from "../../lib/form-errors";
import {
  type AnswerDraft,
  type AvailabilityWindow,
  answerFieldKey,
  type DraftValue,
  type Question,
  type SkillAnswer,
} from "./answer-draft";
import { AvailabilityField } from "./availability-field";
import { SkillsField } from "./skills-field";
import { TagsField } from "./tags-field";
import { TimeZoneField } from "./timezone-field";

type IntakeFormFieldsProps = {
  /** Prefix for every control's id; also used by the error summary (see questionTargets). */
  idPrefix: string;
  questions: ReadonlyArray<Question>;
  values: AnswerDraft;
  onChange: (key: string, value: DraftValue) => void;
  /** Errors keyed "answers.<question key>", as the server reports them. */
  errors: FieldErrors;
};

/**
 * An intake form drawn from its questions: the right control for each kind of
 * question, the coordinator's help text as the hint, and problems shown on the field.
 * Used to apply, to accept an invitation, to edit one's answers and to preview a form.
 */
export function IntakeFormFields({ idPrefix, questions, values, onChange, errors }: IntakeFormFieldsProps) {
  return (
    <>
      {questions.map((question) => (
        <QuestionField
          key={question.key}
          id={`${idPrefix}-${question.key}`}
          question={question}
          value={values[question.key]}
          onChange={(value) => onChange(question.key, value)}
          error={errors[answerFieldKey(question.key)]}
        />
      ))}
    </>
  );
}

type QuestionFieldProps = {
  id: string;
  question: Question;
  value: DraftValue | undefined;
  onChange: (value: DraftValue) => void;
  error?: string;
};

function QuestionField({ id, question, value, onChange, error }: QuestionFieldProps) {
  const optional = !question.required;
  const label = `${question.label}${optional ? " (optional)" : ""}`;
  const text = typeof value === "string" ? value : "";
  const list = Array.isArray(value) ? value : [];

  switch (question.kind) {
    case "short_text":
      return <TextField id={id} label={label} hint={question.help} value={text} onChange={onChange} error={error} maxLength={200} />;
    case "long_text":
      return <TextAreaField id={id} label={label} hint={question.help} value={text} onChange={onChange} error={error} maxLength={5000} />;
    case "email":
      return (
        <TextField
          id={id}
          label={label}
          hint={question.help}
          type="email"
          value={text}
          onChange={onChange}
          error={error}
          autoComplete="off"
          spellCheck={false}
        />
      );
    case "number": {
      const range =
        question.min !== undefined && question.max !== undefined
          ? `A whole number from ${question.min} to ${question.max}.`
          : "A whole number.";
      return (
        <TextField
          id={id}
          label={label}
          hint={[question.help, range].filter(Boolean).join(" ")}
          inputMode="numeric"
          value={text}
          onChange={onChange}
          error={error}
          autoComplete="off"
          className="field--short"
        />
      );
    }
    case "single_choice": {
      const options = (question.choices ?? []).map((choice) => ({ value: choice, label: choice }));
      return (
        <RadioGroup
          id={id}
          name={id}
          legend={label}
          hint={question.help}
          value={text}
          options={optional ? [...options, { value: "", label: "No answer" }] : options}
          onChange={onChange}
          error={error}
        />
      );
    }
    case "scale":
      return (
        <RadioGroup
          id={id}
          name={id}
          legend={label}
          hint={[question.help, "1 is the least, 5 the most."].filter(Boolean).join(" ")}
          value={text}
          options={[
            ...["1", "2", "3", "4", "5"].map((n) => ({ value: n, label: n })),
            ...(optional ? [{ value: "", label: "No answer" }] : []),
          ]}
          onChange={onChange}
          error={error}
          className="radio-group--inline"
        />
      );
    case "multi_choice":
      return (
        <MultiChoiceField
          id={id}
          label={label}
          hint={question.help}
          choices={question.choices ?? []}
          value={list as string[]}
          onChange={onChange}
          error={error}
        />
      );
    case "tags":
      return (
        <TagsField
          id={id}
          label={question.label}
          hint={question.help}
          optional={optional}
          value={list as string[]}
          onChange={onChange}
          error={error}
        />
      );
    case "skills":
      return (
        <SkillsField
          id={id}
          label={question.label}
          hint={question.help}
          optional={optional}
          value={list as SkillAnswer[]}
          onChange={onChange}
          error={error}
        />
      );
    case "timezone":
      return (
        <TimeZoneField
          id={id}
          label={question.label}
          hint={question.help}
          optional={optional}
          value={text}
          onChange={onChange}
          error={error}
        />
      );
    case "availability":
      return (
        <AvailabilityField
          id={id}
          label={question.label}
          hint={question.help}
          optional={optional}
          value={list as AvailabilityWindow[]}
          onChange={onChange}
          error={error}
        />
      );
  }
}

type MultiChoiceFieldProps = {
  id: string;
  label: string;
  hint?: string;
  choices: ReadonlyArray<string>;
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
};

function MultiChoiceField({ id, label, hint, choices, value, onChange, error }: MultiChoiceFieldProps) {
  const hintText = [hint, "Choose all that apply."].filter(Boolean).join(" ");
  return (
    <fieldset
      className={`field${error ? " field--invalid" : ""}`}
      id={id}
      aria-describedby={[`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ")}
    >
      <legend>{label}</legend>
      <p className="field__hint" id={`${id}-hint`}>
        {hintText}
      </p>
      <FieldError id={id} error={error} />
      {choices.map((choice, index) => {
        const choiceId = `${id}-${index}`;
        const checked = value.some((v) => v.toLowerCase() === choice.toLowerCase());
        return (
          <div className="checkbox" key={choice}>
            <input
              type="checkbox"
              id={choiceId}
              checked={checked}
              onChange={(event) =>
                onChange(event.target.checked ? [...value, choice] : value.filter((v) => v.toLowerCase() !== choice.toLowerCase()))
              }
            />
            <label htmlFor={choiceId}>{choice}</label>
          </div>
        );
      })}
    </fieldset>
  );
}
