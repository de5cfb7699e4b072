import { type CoachingDemoLoaded, loadCoachingDemo } from "../../server/modules/demo/load-coaching-demo.js";
import { type DemoLoaded, loadDemo } from "../../server/modules/demo/load-demo.js";
import { reportFailure } from "../fail.js";
import { actingPrincipal, withDatabase } from "../with-database.js";

/** The line `grove demo` prints after the mentoring programme's URL. */
export const demoSummary = (d: DemoLoaded) =>
  `Created "${d.name}" (${d.slug}): ${d.mentors} mentors and ${d.mentees} mentees, ` +
  `${d.pending} applications waiting for review, ${d.waitlisted} waitlisted` +
  (d.pairs
    ? `; ${d.pairs.active + d.pairs.proposed} pairs matched (${d.pairs.active} started, ${d.pairs.proposed} waiting for acceptance), ` +
      `${d.pairs.unmatched} mentees waiting for a mentor`
    : "") +
  (d.support
    ? `; four weeks into the term: ${d.support.responses} survey answers, ${d.support.checkIns} check-ins, ` +
      `${d.support.alerts.open + d.support.alerts.acknowledged + d.support.alerts.snoozed} alerts in the queue (${d.support.alerts.resolved} resolved)`
    : "") +
  ". Nobody was emailed.";

/** The line after the coaching programme's URL. */
export const coachingDemoSummary = (d: CoachingDemoLoaded) => {
  const e = d.engagements;
  return (
    `Created "${d.name}" (${d.slug}): ${d.coaches} coaches, ${d.coachees} coachees and ${d.sponsors} sponsors; ` +
    `engagements: ${e.proposed} waiting for the coach, ${e.contracting} contracting, ${e.midway} under way, ${e.closing} closing, ` +
    `${e.completed} completed; ${d.shortlists} coachees choosing from a shortlist. Nobody was emailed.`
  );
};

/** `grove demo [--as EMAIL]`: a mentoring and a coaching programme of fictional people to try Grove with. */
export async function run(opts: { as?: string }) {
  try {
    const lines = await withDatabase(async (ctx) => {
      const coordinator = await actingPrincipal(ctx, opts.as);
      const mentoring = await loadDemo(ctx, coordinator);
      const coaching = await loadCoachingDemo(ctx, coordinator);
      const url = (id: string) => `${ctx.config.baseUrl}/programmes/${id}`;
      return [url(mentoring.programmeId), demoSummary(mentoring), url(coaching.programmeId), coachingDemoSummary(coaching)];
    });
    for (const line of lines) console.log(line);
  } catch (err) {
    reportFailure(err);
  }
}
