import { type KeyboardEvent, type ReactNode, useState } from "react";
import { FieldError } from "./field-error";
import { describedBy } from "./field-ids";

type ComboboxProps = {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  /** Options for what has been typed so far. */
  suggestions: ReadonlyArray<string>;
  /** A suggestion was chosen (click, or arrows then Enter). */
  onSelect: (value: string) => void;
  /** Enter pressed with no suggestion highlighted; when given, it doesn't submit the surrounding form. */
  onEnter?: () => void;
  onBlur?: () => void;
  hint?: ReactNode;
  error?: string;
  className?: string;
  maxLength?: number;
  /** Marks the box invalid when the error is shown elsewhere (e.g. on a surrounding fieldset). */
  invalid?: boolean;
  /** More ids for aria-describedby, e.g. that surrounding error. */
  describedByExtra?: string;
};

/**
 * A text box with a list of suggestions (the ARIA 1.2 combobox pattern): type to
 * filter, Up/Down to move through the suggestions, Enter to take one, Escape to close.
 * Typing something that isn't suggested is always allowed.
 */
export function Combobox({
  id,
  label,
  value,
  onChange,
  suggestions,
  onSelect,
  onEnter,
  onBlur,
  hint,
  error,
  className,
  maxLength = 60,
  invalid,
  describedByExtra,
}: ComboboxProps) {
  const [focused, setFocused] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = `${id}-listbox`;
  const options = suggestions.filter((option) => option.toLowerCase() !== value.trim().toLowerCase() || suggestions.length > 1);
  const open = focused && !dismissed && value.trim().length > 0 && options.length > 0;
  const activeIndex = open && active < options.length ? active : -1;

  const choose = (option: string) => {
    onSelect(option);
    setActive(-1);
    setDismissed(true);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (options.length === 0) return;
      event.preventDefault();
      setDismissed(false);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current) => {
        const from = open ? current : -1;
        const next = from + step;
        if (next < 0) return options.length - 1;
        return next >= options.length ? 0 : next;
      });
    } else if (event.key === "Enter") {
      if (activeIndex >= 0) {
        event.preventDefault();
        choose(options[activeIndex]);
      } else if (onEnter) {
        event.preventDefault();
        onEnter();
        setDismissed(true);
      }
    } else if (event.key === "Escape") {
      if (open) {
        // Close the list only; an Escape with no list open may still close a dialog.
        event.preventDefault();
        event.stopPropagation();
        setDismissed(true);
        setActive(-1);
      }
    }
  };

  return (
    <div className={`field combobox${error ? " field--invalid" : ""}${className ? ` ${className}` : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError id={id} error={error} />
      <div className="combobox__box">
        <input
          id={id}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={activeIndex >= 0 ? `${listId}-${activeIndex}` : undefined}
          aria-invalid={error || invalid ? true : undefined}
          aria-describedby={[describedBy(id, Boolean(hint), Boolean(error)), describedByExtra].filter(Boolean).join(" ") || undefined}
          value={value}
          maxLength={maxLength}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => {
            onChange(event.target.value);
            setDismissed(false);
            setActive(-1);
          }}
          onFocus={() => setFocused(true)}
          onBlur={() => {
            setFocused(false);
            setActive(-1);
            onBlur?.();
          }}
          onKeyDown={onKeyDown}
        />
        <div id={listId} role="listbox" aria-label="Suggestions" className="combobox__list" hidden={!open}>
          {open
            ? options.map((option, index) => (
                // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard stays in the text box (arrows and Enter), as the combobox pattern prescribes
                <div
                  key={option}
                  id={`${listId}-${index}`}
                  role="option"
                  tabIndex={-1}
                  aria-selected={index === activeIndex}
                  className={index === activeIndex ? "combobox__option combobox__option--active" : "combobox__option"}
                  // Keep focus in the box so the choice doesn't blur (and close) the list first.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => choose(option)}
                >
                  {option}
                </div>
              ))
            : null}
        </div>
      </div>
      <p className="visually-hidden" role="status">
        {open ? `${options.length} suggestion${options.length === 1 ? "" : "s"}; use the up and down arrows to choose one.` : ""}
      </p>
    </div>
  );
}
