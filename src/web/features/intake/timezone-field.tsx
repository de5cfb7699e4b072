import { useMemo } from "react";
import { SelectField } from "../../components/select-field";
import { browserTimeZone } from "../../lib/dates";

/** Every IANA zone the browser knows, plus the current answer and the browser's own in case either is missing. */
export function timeZoneNames(extra: ReadonlyArray<string> = []): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf("timeZone");
  } catch {
    zones = [];
  }
  const all = new Set([...zones, ...extra.filter(Boolean), browserTimeZone(), "UTC"]);
  return [...all].sort((a, b) => a.localeCompare(b));
}

type TimeZoneFieldProps = {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  optional: boolean;
  value: string;
  onChange: (value: string) => void;
};

export function TimeZoneField({ id, label, hint, error, optional, value, onChange }: TimeZoneFieldProps) {
  const options = useMemo(() => {
    const zones = timeZoneNames([value]).map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }));
    return optional ? [{ value: "", label: "Not saying" }, ...zones] : zones;
  }, [optional, value]);
  const guess = browserTimeZone();
  return (
    <SelectField
      id={id}
      label={`${label}${optional ? " (optional)" : ""}`}
      value={value}
      options={options}
      onChange={onChange}
      error={error}
      hint={[hint, `Your device says ${guess.replaceAll("_", " ")}.`].filter(Boolean).join(" ")}
    />
  );
}
