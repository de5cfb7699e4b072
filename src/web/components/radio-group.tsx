import type { ReactNode } from "react";
import { FieldError } from "./field-error";

type RadioOption = { value: string; label: string; hint?: string };

type RadioGroupProps = {
  id: string;
  legend: ReactNode;
  name: string;
  value: string;
  options: ReadonlyArray<RadioOption>;
  onChange: (value: string) => void;
  error?: string;
  hint?: ReactNode;
  disabled?: boolean;
  /** Extra class for the fieldset, e.g. "radio-group--inline" for a 1–5 scale. */
  className?: string;
};

/** A fieldset of radios; the legend names the group, each hint describes its option. */
export function RadioGroup({ id, legend, name, value, options, onChange, error, hint, disabled, className }: RadioGroupProps) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <fieldset
      className={`field radio-group${error ? " field--invalid" : ""}${className ? ` ${className}` : ""}`}
      id={id}
      aria-describedby={describedBy || undefined}
      disabled={disabled}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError id={id} error={error} />
      {options.map((option, index) => {
        const optionId = `${id}-${option.value}`;
        return (
          <div className="radio" key={option.value}>
            <input
              type="radio"
              id={index === 0 ? `${id}-input` : optionId}
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              aria-describedby={option.hint ? `${optionId}-hint` : undefined}
            />
            <label htmlFor={index === 0 ? `${id}-input` : optionId}>{option.label}</label>
            {option.hint ? (
              <p className="field__hint radio__hint" id={`${optionId}-hint`}>
                {option.hint}
              </p>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}
