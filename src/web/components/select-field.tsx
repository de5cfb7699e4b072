import type { ReactNode } from "react";
import { FieldError } from "./field-error";
import { describedBy } from "./field-ids";

type Option = { value: string; label: string };

type SelectFieldProps = {
  id: string;
  label: ReactNode;
  value: string;
  options: ReadonlyArray<Option>;
  onChange: (value: string) => void;
  error?: string;
  hint?: ReactNode;
  disabled?: boolean;
};

export function SelectField({ id, label, value, options, onChange, error, hint, disabled }: SelectFieldProps) {
  return (
    <div className={`field${error ? " field--invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError id={id} error={error} />
      <select
        id={id}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, Boolean(hint), Boolean(error))}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
