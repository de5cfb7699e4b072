import { FieldError } from "../../components/field-error";
import { announce } from "../../lib/announce";

export type PhaseDraft = { name: string; startWeek: string; endWeek: string };
export type Phase = { name: string; startWeek: number; endWeek: number };

/** Typed phases as numbers, or the first thing that isn't a whole week number. */
export function readPhases(drafts: ReadonlyArray<PhaseDraft>): { phases: Phase[] } | { problem: string } {
  const phases: Phase[] = [];
  for (const [index, draft] of drafts.entries()) {
    const start = draft.startWeek.trim();
    const end = draft.endWeek.trim();
    if (!/^\d{1,3}$/.test(start) || !/^\d{1,3}$/.test(end)) {
      return { problem: `Phase ${index + 1}: weeks are whole numbers, like 3` };
    }
    phases.push({ name: draft.name, startWeek: Number(start), endWeek: Number(end) });
  }
  return { phases };
}

type PhasesEditorProps = {
  idPrefix: string;
  termWeeks: number;
  phases: PhaseDraft[];
  onChange: (phases: PhaseDraft[]) => void;
  onReset: () => void;
  error?: string;
};

/**
 * Mentoring's phases as week ranges. They are guidance for the pairs, not gates; the
 * server checks they cover the whole term in order and says what is off if not.
 */
export function PhasesEditor({ idPrefix, termWeeks, phases, onChange, onReset, error }: PhasesEditorProps) {
  const update = (index: number, change: Partial<PhaseDraft>) =>
    onChange(phases.map((phase, i) => (i === index ? { ...phase, ...change } : phase)));

  const add = () => {
    const last = phases[phases.length - 1];
    const start = last && /^\d+$/.test(last.endWeek) ? Number(last.endWeek) + 1 : 1;
    onChange([...phases, { name: "", startWeek: String(start), endWeek: String(Math.max(start, termWeeks)) }]);
    announce(`Phase ${phases.length + 1} added.`);
    window.setTimeout(() => document.getElementById(`${idPrefix}-${phases.length}-name`)?.focus(), 0);
  };

  const remove = (index: number) => {
    onChange(phases.filter((_, i) => i !== index));
    announce(`Phase ${index + 1} removed.`);
    document.getElementById(`${idPrefix}-add`)?.focus();
  };

  return (
    <fieldset className={`field phases-editor${error ? " field--invalid" : ""}`} id={idPrefix} aria-describedby={`${idPrefix}-hint`}>
      <legend>Phases</legend>
      <p className="field__hint" id={`${idPrefix}-hint`}>
        The term has {termWeeks} weeks. Phases follow one another from week 1 to week {termWeeks}, without gaps or overlaps. They guide
        pairs through getting to know each other, working on goals, and reflecting.
      </p>
      <FieldError id={idPrefix} error={error} />
      <ol className="phase-rows">
        {phases.map((phase, index) => {
          const rowId = `${idPrefix}-${index}`;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: phases are edited in place and have no id of their own
            <li key={index} className="phase-row">
              <div className="field phase-row__name">
                <label htmlFor={`${rowId}-name`}>Phase {index + 1} name</label>
                <input
                  id={`${rowId}-name`}
                  value={phase.name}
                  maxLength={80}
                  autoComplete="off"
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${idPrefix}-error` : undefined}
                  onChange={(event) => update(index, { name: event.target.value })}
                />
              </div>
              <div className="field phase-row__week">
                <label htmlFor={`${rowId}-start`}>From week</label>
                <input
                  id={`${rowId}-start`}
                  inputMode="numeric"
                  value={phase.startWeek}
                  autoComplete="off"
                  aria-invalid={error ? true : undefined}
                  onChange={(event) => update(index, { startWeek: event.target.value })}
                />
              </div>
              <div className="field phase-row__week">
                <label htmlFor={`${rowId}-end`}>To week</label>
                <input
                  id={`${rowId}-end`}
                  inputMode="numeric"
                  value={phase.endWeek}
                  autoComplete="off"
                  aria-invalid={error ? true : undefined}
                  onChange={(event) => update(index, { endWeek: event.target.value })}
                />
              </div>
              <button
                type="button"
                className="button button--secondary button--small phase-row__remove"
                onClick={() => remove(index)}
                disabled={phases.length <= 1}
              >
                Remove<span className="visually-hidden"> phase {index + 1}</span>
              </button>
            </li>
          );
        })}
      </ol>
      <div className="actions-row actions-row--tight">
        <button
          type="button"
          id={`${idPrefix}-add`}
          className="button button--secondary button--small"
          onClick={add}
          disabled={phases.length >= 12}
        >
          Add a phase
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => {
            onReset();
            announce("Phases reset to the standard split for this term.");
          }}
        >
          Use the standard three phases
        </button>
      </div>
    </fieldset>
  );
}
