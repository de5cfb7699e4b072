import { publishRound } from "../../server/modules/matching/publish-round.js";
import { readRound } from "../../server/modules/matching/read-round.js";
import { runMatchingRound } from "../../server/modules/matching/run-round.js";
import { loadProgrammeFor } from "../../server/modules/programmes/access.js";
import { findProgrammeBySlug } from "../../server/modules/programmes/repository.js";
import { CliError, reportFailure } from "../fail.js";
import { actingPrincipal, withDatabase } from "../with-database.js";

type RunOutput = {
  programme: { name: string; slug: string };
  round: Awaited<ReturnType<typeof readRound>>;
  published?: Awaited<ReturnType<typeof publishRound>>;
  url: string;
};

const one = (x: number) => Math.round(x * 10) / 10;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** What `grove match run` prints for people: the figures a coordinator checks before publishing. */
export function runSummary(o: RunOutput): string {
  const { stats } = o.round;
  const out = [
    `Round ${o.round.id} (${o.round.status}) for "${o.programme.name}": matched ${stats.matched} of ${plural(stats.mentees, "mentee")} ` +
      `with ${plural(stats.mentors, "mentor")} (${plural(stats.capacity, "place")}); average score ${one(stats.averageScore)}.`,
    "Scores:",
  ];
  const widest = Math.max(1, ...stats.scoreHistogram);
  stats.scoreHistogram.forEach((n, band) => {
    const label = band === 9 ? "90-100" : `${band * 10}-${band * 10 + 9}`;
    out.push(`  ${label.padStart(6)} ${"#".repeat(Math.round((n / widest) * 30))}${n ? ` ${n}` : ""}`);
  });
  if (o.round.unmatched.length) {
    out.push(`Unmatched (${o.round.unmatched.length}):`);
    for (const u of o.round.unmatched) out.push(`  ${u.mentee.name} <${u.mentee.email}>: ${u.reason}`);
  }
  if (o.published) {
    const p = o.published;
    out.push(
      `Published: ${plural(p.created, "pair")} ${p.status === "active" ? "started" : "proposed (both people must accept)"}, ` +
        `${plural(p.unmatchedNotified, "unmatched mentee")} told, ${plural(p.discarded, "other draft")} discarded.`,
    );
    for (const s of p.skipped) out.push(`  skipped ${s.mentee.name}: ${s.message}`);
  } else {
    out.push(`A draft: review it at ${o.url}, or run again with --publish.`);
  }
  return `${out.join("\n")}\n`;
}

/** `grove match run --programme SLUG [--publish] [--json] [--as EMAIL]`. */
export async function run(opts: { programme: string; publish?: boolean; json?: boolean; as?: string }) {
  try {
    const output = await withDatabase(async (ctx): Promise<RunOutput> => {
      const found = await findProgrammeBySlug(ctx.db, opts.programme);
      if (!found) throw new CliError(`There is no programme with the slug "${opts.programme}".`);
      const principal = await actingPrincipal(ctx, opts.as);
      const { programme } = await loadProgrammeFor(ctx.db, principal, found.id, "manage");
      const ran = await runMatchingRound(ctx, principal, programme.id, {});
      const published = opts.publish ? await publishRound(ctx, principal, programme, ran.id) : undefined;
      const round = await readRound(ctx.db, programme, ran.id, { limit: 500, offset: 0 });
      return {
        programme: { name: programme.name, slug: programme.slug },
        round,
        published,
        url: `${ctx.config.baseUrl}/programmes/${programme.id}/matching/${ran.id}`,
      };
    });
    process.stdout.write(opts.json ? `${JSON.stringify(output, null, 2)}\n` : runSummary(output));
  } catch (err) {
    reportFailure(err);
  }
}
