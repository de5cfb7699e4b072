import { useState } from "react";
import { FieldError } from "../../components/field-error";
import { announce } from "../../lib/announce";

type TagsFieldProps = {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  optional: boolean;
  value: string[];
  onChange: (value: string[]) => void;
};

/** A short list of words (languages, interests): type one and press Enter, or separate with commas. */
export function TagsField({ id, label, hint, error, optional, value, onChange }: TagsFieldProps) {
  const [text, setText] = useState("");
  const inputId = `${id}-new`;
  const hintText = [hint, "Press Enter after each one, or separate them with commas."].filter(Boolean).join(" ");

  const add = (raw: string) => {
    const parts = raw
      .split(/[,;\n]/)
      .map((part) => part.trim())
      .filter(Boolean);
    const fresh = parts.filter(
      (part, index) =>
        !value.some((tag) => tag.toLowerCase() === part.toLowerCase()) &&
        parts.findIndex((other) => other.toLowerCase() === part.toLowerCase()) === index,
    );
    if (fresh.length > 0) {
      onChange([...value, ...fresh]);
      announce(`Added ${fresh.join(", ")}.`);
    }
    setText("");
  };

  const remove = (index: number) => {
    const removed = value[index];
    onChange(value.filter((_, i) => i !== index));
    announce(`Removed ${removed}.`);
    document.getElementById(inputId)?.focus();
  };

  return (
    <div className={`field tags-field${error ? " field--invalid" : ""}`}>
      <label htmlFor={inputId}>
        {label}
        {optional ? " (optional)" : ""}
      </label>
      <p className="field__hint" id={`${inputId}-hint`}>
        {hintText}
      </p>
      <FieldError id={inputId} error={error} />
      {value.length > 0 ? (
        <ul className="tag-list" aria-label={`Added to “${label}”`}>
          {value.map((tag, index) => (
            <li key={tag} className="tag">
              <span>{tag}</span>
              <button type="button" className="tag__remove" onClick={() => remove(index)}>
                <span aria-hidden="true">×</span>
                <span className="visually-hidden">Remove {tag}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="search__row">
        <input
          id={inputId}
          type="text"
          value={text}
          maxLength={200}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={[`${inputId}-hint`, error ? `${inputId}-error` : null].filter(Boolean).join(" ")}
          onChange={(event) => {
            const next = event.target.value;
            // A comma finishes an entry, like Enter.
            if (/[,;]/.test(next)) add(next);
            else setText(next);
          }}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              add(text);
            }
          }}
          onBlur={() => {
            if (text.trim()) add(text);
          }}
        />
        <button type="button" className="button button--secondary" onClick={() => add(text)}>
          Add<span className="visually-hidden"> to “{label}”</span>
        </button>
      </div>
    </div>
  );
}
