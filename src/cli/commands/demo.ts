import type { Command } from "commander";
import { type DemoLoaded, loadDemo } from "../../server/modules/demo/load-demo.js";
import { reportFailure } from "../fail.js";
import { actingPrincipal, withDatabase } from "../with-database.js";

/** The one line `grove demo` prints after its URL. */
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

export function registerDemo(program: Command) {
  program
    .command("demo")
    .description("create an open mentoring programme filled with a fictional cohort, to try Grove out (run again for another one)")
    .option("--as <email>", "the coordinator who owns it (default: the first instance admin)")
    .action(async (opts: { as?: string }) => {
      try {
        const { url, loaded } = await withDatabase(async (ctx) => {
          const loaded = await loadDemo(ctx, await actingPrincipal(ctx, opts.as));
          return { url: `${ctx.config.baseUrl}/programmes/${loaded.programmeId}`, loaded };
        });
        console.log(url);
        console.log(demoSummary(loaded));
      } catch (err) {
        reportFailure(err);
      }
    });
}
