import { FieldError } from "../../components/field-error";
import { announce } from "../../lib/announce";
import type { AvailabilityWindow } from "./answer-draft";

const DAYS: ReadonlyArray<{ value: AvailabilityWindow["day"]; label: string }> = [
  { value: "mon", label: "Monday" },
  { value: "tue", label: "Tuesday" },
  { value: "wed", label: "Wednesday" },
  { value: "thu", label: "Thursday" },
  { value: "fri", label: "Friday" },
  { value: "sat", label: "Saturday" },
  { value: "sun", label: "Sunday" },
];

export const dayLabel = (day: string) => DAYS.find((d) => d.value === day)?.label ?? day;

type AvailabilityFieldProps = {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  optional: boolean;
  value: AvailabilityWindow[];
  onChange: (value: AvailabilityWindow[]) => void;
};

/** Weekly time windows: a day, a start and an end time on the 24-hour clock. */
export function AvailabilityField({ id, label, hint, error, optional, value, onChange }: AvailabilityFieldProps) {
  const update = (index: number, change: Partial<AvailabilityWindow>) =>
    onChange(value.map((window, i) => (i === index ? { ...window, ...change } : window)));

  const add = () => {
    const last = value[value.length - 1];
    const next: AvailabilityWindow = last
      ? { day: DAYS[(DAYS.findIndex((d) => d.value === last.day) + 1) % 7].value, start: last.start, end: last.end }
      : { day: "mon", start: "18:00", end: "19:00" };
    onChange([...value, next]);
    announce(`Time ${value.length + 1} added: ${dayLabel(next.day)} ${next.start} to ${next.end}.`);
    // Let the person set the new window's day straight away.
    window.setTimeout(() => document.getElementById(`${id}-${value.length}-day`)?.focus(), 0);
  };

  const remove = (index: number) => {
    onChange(value.filter((_, i) => i !== index));
    announce(`Time ${index + 1} removed.`);
    document.getElementById(`${id}-add`)?.focus();
  };

  return (
    <fieldset
      className={`field availability-field${error ? " field--invalid" : ""}`}
      id={id}
      aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
    >
      <legend>
        {label}
        {optional ? " (optional)" : ""}
      </legend>
      <p className="field__hint" id={`${id}-hint`}>
        {[hint, "Use the 24-hour clock, e.g. 18:30."].filter(Boolean).join(" ")}
      </p>
      <FieldError id={id} error={error} />
      {value.length === 0 ? <p className="muted">No times added yet.</p> : null}
      {value.map((window, index) => {
        const rowId = `${id}-${index}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: windows have no identity of their own; rows are edited in place
          <fieldset className="availability-row" key={index}>
            <legend className="visually-hidden">Time {index + 1}</legend>
            <div className="field">
              <label htmlFor={`${rowId}-day`}>Day</label>
              <select
                id={`${rowId}-day`}
                value={window.day}
                onChange={(event) => update(index, { day: event.target.value as AvailabilityWindow["day"] })}
              >
                {DAYS.map((day) => (
                  <option key={day.value} value={day.value}>
                    {day.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${rowId}-start`}>From</label>
              <input
                id={`${rowId}-start`}
                type="time"
                value={window.start}
                onChange={(event) => update(index, { start: event.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`${rowId}-end`}>Until</label>
              <input id={`${rowId}-end`} type="time" value={window.end} onChange={(event) => update(index, { end: event.target.value })} />
            </div>
            <button type="button" className="button button--secondary button--small availability-row__remove" onClick={() => remove(index)}>
              Remove<span className="visually-hidden"> time {index + 1}</span>
            </button>
          </fieldset>
        );
      })}
      <button type="button" id={`${id}-add`} className="button button--secondary" onClick={add}>
        Add a time
      </button>
    </fieldset>
  );
}
