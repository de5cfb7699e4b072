import { Link } from "@tanstack/react-router";
import { useState } from "react";
import type { MatchPersonRef, RoundDetail } from "./matching-api";
import { plural } from "./matching-labels";

const STEP = 20;

/** Everyone the round left without a mentor, each with the reason in words. */
export function UnmatchedList({
  programmeId,
  round,
  onPair,
}: {
  programmeId: string;
  round: RoundDetail;
  /** Drafts only: pair this mentee by hand. */
  onPair?: (mentee: MatchPersonRef) => void;
}) {
  const { unmatched } = round;
  const [shown, setShown] = useState(STEP);
  const visible = unmatched.slice(0, shown);
  return (
    <section aria-labelledby="unmatched-title" className="card">
      <h2 id="unmatched-title">Unmatched ({unmatched.length.toLocaleString()})</h2>
      {unmatched.length === 0 ? (
        <p>Every mentee in the pool has a mentor in this round.</p>
      ) : (
        <>
          <p className="muted">
            Why each person has no mentor. Often a weight of 10 (must match), a missing language or full mentors are the cause; try other
            settings or add mentors, then run again.
          </p>
          <ul className="unmatched-list">
            {visible.map((u) => (
              <li key={u.mentee.enrolmentId} className="unmatched-list__item">
                <p className="unmatched-list__name">
                  <strong>{u.mentee.name}</strong> <span className="muted">{u.mentee.email}</span>
                </p>
                <p>{u.reason}</p>
                <div className="pair-actions">
                  <Link
                    to="/programmes/$programmeId/matching/$roundId/pairs/$menteeEnrolmentId"
                    params={{ programmeId, roundId: round.id, menteeEnrolmentId: u.mentee.enrolmentId }}
                    className="button button--secondary button--small"
                  >
                    Profile<span className="visually-hidden"> of {u.mentee.name}</span>
                  </Link>
                  {onPair ? (
                    <button type="button" className="button button--secondary button--small" onClick={() => onPair(u.mentee)}>
                      Pair by hand…<span className="visually-hidden"> for {u.mentee.name}</span>
                    </button>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
          {unmatched.length > shown ? (
            <button type="button" className="button button--secondary button--small" onClick={() => setShown((n) => n + STEP)}>
              Show {Math.min(STEP, unmatched.length - shown)} more
              <span className="visually-hidden"> unmatched mentees</span>
            </button>
          ) : null}
          {unmatched.length > STEP ? (
            <p className="muted" role="status">
              Showing {Math.min(shown, unmatched.length)} of {plural(unmatched.length, "unmatched mentee")}.
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
