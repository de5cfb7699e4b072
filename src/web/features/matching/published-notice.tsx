import { Link } from "@tanstack/react-router";
import { useEffect, useRef } from "react";
import type { PublishResult } from "./matching-api";
import { plural } from "./matching-labels";

/** What publishing did: pairs created and how they start, anyone skipped and why, who was told. */
export function PublishedNotice({ programmeId, result }: { programmeId: string; result: PublishResult }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="notice notice--success" tabIndex={-1} ref={ref} role="status">
      <h2 className="notice__title">Round published</h2>
      <p>
        {plural(result.created, "pair")} created
        {result.status === "proposed" ? ", each waiting for both people to accept" : ", active from today"}. Everyone in a pair has been
        emailed
        {result.unmatchedNotified > 0 ? `, and ${plural(result.unmatchedNotified, "unmatched mentee")} told there's no match yet` : ""}.
        {result.discarded > 0 ? ` ${plural(result.discarded, "other draft")} discarded.` : ""}
      </p>
      {result.skipped.length > 0 ? (
        <>
          <p>{plural(result.skipped.length, "pair was", "pairs were")} not created:</p>
          <ul>
            {result.skipped.map((s) => (
              <li key={s.mentee.enrolmentId}>
                {s.mentee.name} with {s.mentor.name}: {s.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <Link to="/programmes/$programmeId/matching/pairs" params={{ programmeId }}>
          Follow the pairs
        </Link>
      </p>
    </div>
  );
}
