import { useRef, useState } from "react";
import { announce } from "../lib/announce";

type CopyFieldProps = {
  id: string;
  label: string;
  value: string;
  /** What is being copied, for the button's accessible name and the announcement ("application link"). */
  what: string;
  hint?: string;
};

/** A read-only value with a Copy button; falls back to selecting the text when the clipboard is refused. */
export function CopyField({ id, label, value, what, hint }: CopyFieldProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      announce(`The ${what} has been copied.`);
    } catch {
      inputRef.current?.select();
      announce(`Copying was blocked by the browser. The ${what} is selected: press Control+C or Command+C to copy it.`);
    }
  };

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <div className="search__row">
        <input
          id={id}
          ref={inputRef}
          className="token-panel__value"
          value={value}
          readOnly
          spellCheck={false}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          {copied ? "Copied" : "Copy"}
          <span className="visually-hidden"> {what}</span>
        </button>
      </div>
    </div>
  );
}
