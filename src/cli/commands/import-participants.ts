import fs from "node:fs";
import { importParticipants } from "../../server/modules/enrolment/import-participants.js";
import { findProgrammeBySlug } from "../../server/modules/programmes/repository.js";
import { CliError, reportFailure } from "../fail.js";
import { actingPrincipal, withDatabase } from "../with-database.js";

/** `grove import participants FILE --programme SLUG [--dry-run] [--json] [--as EMAIL]`. */
export async function run(file: string, opts: { programme: string; dryRun?: boolean; json?: boolean; as?: string }) {
  try {
    if (!fs.existsSync(file)) throw new CliError(`No such file: ${file}`);
    const text = fs.readFileSync(file, "utf8");
    // A dry run only reads, so it names the running server when that holds the embedded database.
    const report = await withDatabase(
      async (ctx) => {
        const programme = await findProgrammeBySlug(ctx.db, opts.programme);
        if (!programme) throw new CliError(`There is no programme with the slug "${opts.programme}".`);
        return importParticipants(ctx, await actingPrincipal(ctx, opts.as), programme.id, text, Boolean(opts.dryRun));
      },
      opts.dryRun
        ? {
            readOnly: "grove import participants --dry-run",
            instead:
              'The web app checks a file the same way, writing nothing: the programme\'s import page (/programmes/ID/import), "Check the file".',
          }
        : {},
    );
    if (opts.json) {
      console.log(JSON.stringify(report, null, 2));
    } else {
      const verb = opts.dryRun ? "Would import" : "Imported";
      if (report.errors.length === 0) {
        console.log(`${verb} ${report.rows} rows: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged.`);
      } else {
        console.error(`Nothing was imported: ${report.errors.length} problem${report.errors.length === 1 ? "" : "s"} in ${file}.`);
        for (const e of report.errors) console.error(`  row ${e.row}${e.column ? `, ${e.column}` : ""}: ${e.message}`);
      }
    }
    if (report.errors.length) process.exitCode = 1;
  } catch (err) {
    reportFailure(err);
  }
}
