import { useState } from "react";
import { CheckboxField } from "../../components/checkbox-field";
import type { PairRef, RerunInput, RoundDetail } from "./matching-api";
import { SettingsForm, settingsOf } from "./settings-form";
import { refsOf, type TunedPair, type useTuning } from "./tuning";

type RerunSectionProps = {
  round: RoundDetail;
  tuning: ReturnType<typeof useTuning>;
  onRerun: (body: RerunInput) => Promise<unknown>;
};

/** Names for pairs the round stored by id only: the server's list, and the people this page has loaded. */
function namer(round: RoundDetail) {
  const names = new Map<string, string>(Object.entries(round.names));
  for (const p of round.pairs) {
    names.set(p.mentee.enrolmentId, p.mentee.name);
    names.set(p.mentor.enrolmentId, p.mentor.name);
  }
  for (const u of round.unmatched) names.set(u.mentee.enrolmentId, u.mentee.name);
  for (const m of round.mentors) names.set(m.mentor.enrolmentId, m.mentor.name);
  return (pair: TunedPair) => ({
    mentee: pair.menteeName ?? names.get(pair.menteeEnrolmentId) ?? "A mentee",
    mentor: pair.mentorName ?? names.get(pair.mentorEnrolmentId) ?? "a mentor",
  });
}

/**
 * Tune and run again from this draft: new weights, the pairs to keep (locked) and the
 * pairs never to propose (excluded). The result is a new draft; this one stays as it is,
 * so the two can be compared.
 */
export function RerunSection({ round, tuning, onRerun }: RerunSectionProps) {
  const [keepManual, setKeepManual] = useState(true);
  const nameOf = namer(round);
  const { locked, excluded } = tuning.tuning;

  const submit = (settings: { weights?: Record<string, number>; k?: number; requireSharedLanguage?: boolean }) => {
    const body: RerunInput = {
      weights: settings.weights,
      k: settings.k,
      requireSharedLanguage: settings.requireSharedLanguage,
      excluded: refsOf(excluded),
      keepManualPairs: keepManual,
    };
    // The server keeps the pairs set by hand as locks beside these (when asked to).
    if (tuning.changed) body.locked = refsOf(locked);
    return onRerun(body);
  };

  return (
    <section aria-labelledby="rerun-title" className="card">
      <h2 id="rerun-title">Tune and run again</h2>
      <p className="muted">
        A new run starts from this draft's settings with your changes. This draft stays as it is, so you can compare the two.
      </p>
      <div className="tuning-lists">
        <TuningList
          title="Locked: always in the result"
          empty="No pairs locked. Lock a pair in the table to keep it whatever else changes."
          pairs={locked}
          nameOf={nameOf}
          actionLabel="Unlock"
          onAction={tuning.unlock}
        />
        <TuningList
          title="Excluded: never proposed"
          empty="No pairs excluded. Exclude a pair in the table to rule it out."
          pairs={excluded}
          nameOf={nameOf}
          actionLabel="Allow again"
          onAction={tuning.include}
        />
      </div>
      {tuning.changed ? (
        <p className="notice notice--warning">
          Locks or exclusions differ from this draft's.{" "}
          <button type="button" className="button button--link" onClick={tuning.reset}>
            Undo those changes
          </button>
        </p>
      ) : null}
      <SettingsForm
        idPrefix="rerun"
        initial={settingsOf(round.settings)}
        submitLabel="Run again"
        pendingLabel="Running again…"
        progressLabel="Running again with your changes."
        onSubmit={submit}
      >
        {round.manualPairs > 0 ? (
          <CheckboxField
            id="rerun-keep-manual"
            label="Keep the pairs I set by hand"
            hint="They become locks in the new run."
            checked={keepManual}
            onChange={setKeepManual}
          />
        ) : null}
      </SettingsForm>
    </section>
  );
}

function TuningList({
  title,
  empty,
  pairs,
  nameOf,
  actionLabel,
  onAction,
}: {
  title: string;
  empty: string;
  pairs: TunedPair[];
  nameOf: (pair: TunedPair) => { mentee: string; mentor: string };
  actionLabel: string;
  onAction: (pair: PairRef) => void;
}) {
  return (
    <div className="tuning-list">
      <h3>
        {title} ({pairs.length})
      </h3>
      {pairs.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="tuning-list__items">
          {pairs.map((pair) => {
            const names = nameOf(pair);
            return (
              <li key={`${pair.menteeEnrolmentId}|${pair.mentorEnrolmentId}`}>
                <span>
                  {names.mentee} with {names.mentor}
                </span>
                <button type="button" className="button button--link" onClick={() => onAction(pair)}>
                  {actionLabel}
                  <span className="visually-hidden">
                    {" "}
                    {names.mentee} with {names.mentor}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
