import { Link, useNavigate } from "@tanstack/react-router";
import { Fragment, useState } from "react";
import { Pagination } from "../../components/pagination";
import type { RoundDetail, RoundPair } from "./matching-api";
import { formatScore, plural } from "./matching-labels";
import { PAIRS_PAGE_SIZE, type PairSort, type RoundSearch } from "./matching-search";
import { PairExplanation } from "./pair-explanation";
import type { useTuning } from "./tuning";

type PairsTableProps = {
  programmeId: string;
  round: RoundDetail;
  search: RoundSearch;
  tuning: ReturnType<typeof useTuning> | null;
  onMove: (pair: RoundPair) => void;
};

const sortDescriptions: Record<PairSort, string> = {
  "score-desc": "score, highest first",
  "score-asc": "score, lowest first",
  mentee: "mentee name",
  mentor: "mentor name",
};

/**
 * The round's pairs: sortable by score or name, filtered by mentor, 25 to a page, each
 * with its explanation a press away. In a draft each pair can be locked or excluded for
 * the next run, moved to another mentor or unmatched.
 */
export function PairsTable({ programmeId, round, search, tuning, onMove }: PairsTableProps) {
  const navigate = useNavigate();
  const [open, setOpen] = useState<Set<string>>(new Set());
  const sort = search.sort ?? "score-desc";
  const mentorFilter = search.mentor ?? "";
  const draft = round.status === "draft";

  // The server sorts, filters and pages: this is the page asked for.
  const visible = round.pairs;
  const current = search.page ?? 1;
  const mentorsWithPairs = round.mentors.filter((m) => m.assigned > 0).sort((a, b) => a.mentor.name.localeCompare(b.mentor.name));

  const setSearch = (changes: Partial<RoundSearch>) =>
    navigate({
      to: "/programmes/$programmeId/matching/$roundId",
      params: { programmeId, roundId: round.id },
      search: { ...search, ...changes },
      replace: true,
      resetScroll: false,
    });

  const toggle = (menteeId: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(menteeId)) next.delete(menteeId);
      else next.add(menteeId);
      return next;
    });

  const sortHeader = (label: string, asc: PairSort, desc: PairSort | null) => {
    const active = sort === asc || sort === desc;
    const direction = sort === desc ? "descending" : "ascending";
    return (
      <th scope="col" aria-sort={active ? direction : undefined}>
        <button
          type="button"
          className="sort-button"
          onClick={() => void setSearch({ sort: desc && sort === desc ? asc : (desc ?? asc), page: undefined })}
        >
          {label}
          <span aria-hidden="true" className="sort-button__arrow">
            {active ? (direction === "ascending" ? "▲" : "▼") : "↕"}
          </span>
        </button>
      </th>
    );
  };

  return (
    <section aria-labelledby="pairs-title" className="card">
      <h2 id="pairs-title">Pairs ({round.pairsTotal.toLocaleString()})</h2>
      <div className="pairs-toolbar">
        <div className="field">
          <label htmlFor="pairs-mentor">Show pairs of</label>
          <select
            id="pairs-mentor"
            value={mentorFilter}
            onChange={(event) => void setSearch({ mentor: event.target.value || undefined, page: undefined })}
          >
            <option value="">Every mentor</option>
            {mentorsWithPairs.map((m) => (
              <option key={m.mentor.enrolmentId} value={m.mentor.enrolmentId}>
                {m.mentor.name} ({m.assigned})
              </option>
            ))}
          </select>
        </div>
        <p role="status" className="results-count">
          {mentorFilter ? `${plural(round.pairsTotal, "pair")} with this mentor` : plural(round.pairsTotal, "pair")}, sorted by{" "}
          {sortDescriptions[sort]}
        </p>
      </div>

      {round.pairsTotal === 0 ? <p>This round has no pairs: see why each mentee is unmatched below.</p> : null}

      {visible.length > 0 ? (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable so keyboard users can scroll it
        <section className="table-scroll table-scroll--contained" aria-labelledby="pairs-caption" tabIndex={0}>
          <table className="data-table pairs-table">
            <caption id="pairs-caption" className="visually-hidden">
              Pairs in this round, sorted by {sortDescriptions[sort]}
            </caption>
            <thead>
              <tr>
                {sortHeader("Mentee", "mentee", null)}
                {sortHeader("Mentor", "mentor", null)}
                {sortHeader("Score", "score-asc", "score-desc")}
                <th scope="col">Notes</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {visible.map((pair) => {
                const ref = { menteeEnrolmentId: pair.mentee.enrolmentId, mentorEnrolmentId: pair.mentor.enrolmentId };
                const named = { ...ref, menteeName: pair.mentee.name, mentorName: pair.mentor.name };
                const expanded = open.has(pair.mentee.enrolmentId);
                const who = `${pair.mentee.name} with ${pair.mentor.name}`;
                const explanationId = `why-${pair.mentee.enrolmentId}`;
                const lockedNext = tuning?.isLocked(ref) ?? false;
                const excludedNext = tuning?.isExcluded(ref) ?? false;
                return (
                  <Fragment key={pair.mentee.enrolmentId}>
                    <tr>
                      <th scope="row">
                        {pair.mentee.name}
                        <span className="data-table__sub">{pair.mentee.email}</span>
                      </th>
                      <td>
                        {pair.mentor.name}
                        <span className="data-table__sub">{pair.mentor.email}</span>
                      </td>
                      <td className="data-table__nowrap">{formatScore(pair.score)}</td>
                      <td>
                        <ul className="pair-notes">
                          {pair.locked ? <li className="badge badge--locked">Locked</li> : null}
                          {pair.manual ? <li className="badge badge--manual">Set by hand</li> : null}
                          {draft && lockedNext && !pair.locked ? <li className="badge badge--locked">Lock in next run</li> : null}
                          {draft && pair.locked && !lockedNext ? <li className="badge">Unlock in next run</li> : null}
                          {draft && excludedNext ? <li className="badge badge--excluded">Excluded from next run</li> : null}
                        </ul>
                      </td>
                      <td>
                        <div className="pair-actions">
                          <button
                            type="button"
                            className="button button--secondary button--small"
                            aria-expanded={expanded}
                            aria-controls={explanationId}
                            onClick={() => toggle(pair.mentee.enrolmentId)}
                          >
                            Why<span className="visually-hidden"> {who}</span>
                          </button>
                          <Link
                            to="/programmes/$programmeId/matching/$roundId/pairs/$menteeEnrolmentId"
                            params={{ programmeId, roundId: round.id, menteeEnrolmentId: pair.mentee.enrolmentId }}
                            className="button button--secondary button--small"
                          >
                            Side by side<span className="visually-hidden"> for {who}</span>
                          </Link>
                          {draft && tuning ? (
                            <>
                              <button
                                type="button"
                                className="button button--secondary button--small"
                                onClick={() => (lockedNext ? tuning.unlock(ref) : tuning.lock(named))}
                              >
                                {lockedNext ? "Unlock" : "Lock"}
                                <span className="visually-hidden"> {who}</span>
                              </button>
                              <button
                                type="button"
                                className="button button--secondary button--small"
                                onClick={() => (excludedNext ? tuning.include(ref) : tuning.exclude(named))}
                              >
                                {excludedNext ? "Allow again" : "Exclude"}
                                <span className="visually-hidden"> {who}</span>
                              </button>
                              <button type="button" className="button button--secondary button--small" onClick={() => onMove(pair)}>
                                Move…<span className="visually-hidden"> {pair.mentee.name}</span>
                              </button>
                            </>
                          ) : null}
                        </div>
                      </td>
                    </tr>
                    <tr id={explanationId} hidden={!expanded} className="pairs-table__explanation">
                      <td colSpan={5}>{expanded ? <PairExplanation pair={pair} /> : null}</td>
                    </tr>
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </section>
      ) : null}

      {mentorFilter && round.pairsTotal === 0 ? <p>This mentor has no pairs in this round.</p> : null}

      <Pagination
        label="Pair pages"
        total={round.pairsTotal}
        limit={PAIRS_PAGE_SIZE}
        offset={(current - 1) * PAIRS_PAGE_SIZE}
        to={`/programmes/${programmeId}/matching/${round.id}`}
        search={(target) => ({ ...search, page: target > 1 ? target : undefined })}
      />
    </section>
  );
}
