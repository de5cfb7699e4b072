import fs from "node:fs";
import type { Command } from "commander";
import { importParticipants } from "../../server/modules/enrolment/import-participants.js";
import { findProgrammeBySlug } from "../../server/modules/programmes/repository.js";
import { CliError, reportFailure } from "../fail.js";
import { actingPrincipal, withDatabase } from "../with-database.js";

export function registerImportParticipants(program: Command) {
  const importCommand =
    program.commands.find((c) => c.name() === "import") ?? program.command("import").description("import data from files");
  importCommand
    .command("participants")
    .description("import participants from a CSV file (columns: email, name, role, then one per question key)")
    .argument("<file>", "the CSV file (UTF-8, with or without BOM)")
    .requiredOption("--programme <slug>", "the programme's slug, as in its URL")
    .option("--dry-run", "check the file and report every problem, writing nothing")
    .option("--json", "print the report as JSON")
    .option("--as <email>", "act as this coordinator (default: the first instance admin)")
    .action(async (file: string, opts: { programme: string; dryRun?: boolean; json?: boolean; as?: string }) => {
      try {
        if (!fs.existsSync(file)) throw new CliError(`No such file: ${file}`);
        const text = fs.readFileSync(file, "utf8");
        const report = await withDatabase(async (ctx) => {
          const programme = await findProgrammeBySlug(ctx.db, opts.programme);
          if (!programme) throw new CliError(`There is no programme with the slug "${opts.programme}".`);
          return importParticipants(ctx, await actingPrincipal(ctx, opts.as), programme.id, text, Boolean(opts.dryRun));
        });
        if (opts.json) {
          console.log(JSON.stringify(report, null, 2));
        } else {
          const verb = opts.dryRun ? "Would import" : "Imported";
          if (report.errors.length === 0) {
            console.log(
              `${verb} ${report.rows} rows: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged.`,
            );
          } else {
            console.error(`Nothing was imported: ${report.errors.length} problem${report.errors.length === 1 ? "" : "s"} in ${file}.`);
            for (const e of report.errors) console.error(`  row ${e.row}${e.column ? `, ${e.column}` : ""}: ${e.message}`);
          }
        }
        if (report.errors.length) process.exitCode = 1;
      } catch (err) {
        reportFailure(err);
      }
    });
}
