import { useEffect, useId, useRef } from "react";
import type { FormErrors } from "../lib/form-errors";

export type FieldTargets = Record<string, { label: string; target: string }>;

type ErrorSummaryProps = {
  errors: FormErrors;
  /** Field name → its label and the id of the control to jump to. */
  fields: FieldTargets;
  title?: string;
  /** Heading when the problem is with the whole form rather than a field. */
  formTitle?: string;
};

/**
 * Lists every problem at the top of a form and takes focus after a failed submit,
 * so keyboard and screen reader users hear what went wrong and can jump to it.
 */
export function ErrorSummary({ errors, fields, title = "Please check the form", formTitle = "That didn't work" }: ErrorSummaryProps) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  // List problems in the order the fields appear in the form, not the order found.
  const order = Object.keys(fields);
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  const entries = Object.entries(errors.fields).sort(([a], [b]) => rank(a) - rank(b));
  const hasErrors = entries.length > 0 || errors.form !== null;

  // biome-ignore lint/correctness/useExhaustiveDependencies: refocus on every failed attempt
  useEffect(() => {
    if (hasErrors) ref.current?.focus();
  }, [errors.attempt]);

  if (!hasErrors) return null;

  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby={titleId}>
      <h2 id={titleId} className="error-summary__title">
        {entries.length > 0 ? title : formTitle}
      </h2>
      {errors.form ? <p className="error-summary__message">{errors.form}</p> : null}
      {entries.length > 0 ? (
        <ul className="error-summary__list">
          {entries.map(([name, message]) => {
            const field = fields[name];
            if (!field) return <li key={name}>{message}</li>;
            return (
              <li key={name}>
                <a
                  href={`#${field.target}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(field.target)?.focus();
                  }}
                >
                  {field.label}: {message}
                </a>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
