import { SelectField } from "../../components/select-field";
import { TextField } from "../../components/text-field";
import type { SurveyScheduleT } from "./surveys-api";

const KINDS: { value: SurveyScheduleT["kind"]; label: string }[] = [
  { value: "every", label: "Every few weeks (a pulse)" },
  { value: "week", label: "Once, in a programme week" },
  { value: "midpoint", label: "Once, at the mid-point of the term" },
  { value: "end", label: "Once, in the last week of the term" },
  { value: "after_end", label: "Once, some weeks after the term ends" },
  { value: "after_pair_start", label: "Some weeks after each pair starts" },
  { value: "after_pair_end", label: "When each pair finishes, or weeks after" },
  { value: "manual", label: "Only when I send it" },
];

const defaults: Record<SurveyScheduleT["kind"], SurveyScheduleT> = {
  every: { kind: "every", everyWeeks: 2, fromWeek: 2 },
  week: { kind: "week", week: 1 },
  midpoint: { kind: "midpoint" },
  end: { kind: "end" },
  after_end: { kind: "after_end", weeks: 4 },
  after_pair_start: { kind: "after_pair_start", weeks: 4 },
  after_pair_end: { kind: "after_pair_end", weeks: 0 },
  manual: { kind: "manual" },
};

const num = (v: string) => (v === "" ? 0 : Number(v));

/** When a survey goes out, in the programme's weeks or each pair's own dates. */
export function ScheduleEditor({
  value,
  onChange,
  error,
  termWeeks,
}: {
  value: SurveyScheduleT;
  onChange: (s: SurveyScheduleT) => void;
  error?: string;
  termWeeks: number;
}) {
  return (
    <fieldset className="form-section">
      <legend>When it goes out</legend>
      <SelectField
        id="schedule-kind"
        label="Schedule"
        hint={`Sent at 08:00 on the first day of the week, in each person's own time zone. The term has ${termWeeks} weeks.`}
        value={value.kind}
        error={error}
        options={KINDS}
        onChange={(v) => onChange(defaults[v as SurveyScheduleT["kind"]])}
      />
      <div className="form__row">
        {value.kind === "every" ? (
          <>
            <TextField
              id="schedule-every"
              className="field--short"
              type="number"
              min={1}
              max={26}
              label="Every how many weeks"
              value={String(value.everyWeeks)}
              onChange={(v) => onChange({ ...value, everyWeeks: num(v) })}
            />
            <TextField
              id="schedule-from"
              className="field--short"
              type="number"
              min={1}
              max={termWeeks}
              label="Starting in week"
              value={String(value.fromWeek)}
              onChange={(v) => onChange({ ...value, fromWeek: num(v) })}
            />
          </>
        ) : null}
        {value.kind === "week" ? (
          <TextField
            id="schedule-week"
            className="field--short"
            type="number"
            min={1}
            max={termWeeks}
            label="Week"
            value={String(value.week)}
            onChange={(v) => onChange({ ...value, week: num(v) })}
          />
        ) : null}
        {value.kind === "after_end" || value.kind === "after_pair_start" || value.kind === "after_pair_end" ? (
          <TextField
            id="schedule-weeks"
            className="field--short"
            type="number"
            min={0}
            max={104}
            label="Weeks after"
            value={String(value.weeks)}
            onChange={(v) => onChange({ ...value, weeks: num(v) })}
          />
        ) : null}
      </div>
    </fieldset>
  );
}
