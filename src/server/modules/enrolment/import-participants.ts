import { parse } from "csv-parse/sync";
import { eq, inArray, sql } from "drizzle-orm";
import { type ExistingParticipant, type ImportProblem, planImport } from "../../../core/intake/plan-import.js";
import type { FormDefinition, IntakeRole } from "../../../core/intake/questions.js";
import { rulesFor } from "../../../core/programme-modes.js";
import type { Principal } from "../../platform/auth/principal.js";
import { hashSecret, newSecret } from "../../platform/auth/secrets.js";
import type { AppContext } from "../../platform/context.js";
import { type Executor, queryRows, type Tx } from "../../platform/db.js";
import { conflict } from "../../platform/errors.js";
import { users } from "../accounts/tables.js";
import { findForm } from "../intake/repository.js";
import { loadProgrammeFor } from "../programmes/access.js";
import { currentTaxonomy } from "../skills/taxonomy-cache.js";
import { importedWelcomeEmail } from "./emails.js";
import { enrolmentLink } from "./links.js";
import { capacityFrom } from "./repository.js";
import { enrolments } from "./tables.js";

export type ImportReport = { rows: number; created: number; updated: number; unchanged: number; errors: ImportProblem[] };

const CHUNK = 1000;
const WELCOME_DAYS = 14;
/** The advisory lock imports take turns on (any number outside the pid range and other keys). */
const IMPORT_LOCK_KEY = 74_726_854;
const chunks = <T>(items: T[]) =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

/** Reads CSV text: UTF-8 with or without BOM, CRLF or LF, quoted fields with commas and newlines. */
export function readCsv(text: string): { header: string[]; records: string[][] } | { error: ImportProblem } {
  try {
    const rows = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: false }) as string[][];
    if (rows.length === 0) return { error: { row: 1, column: "", message: "The file is empty; the first line must name the columns" } };
    // Line breaks inside quoted fields arrive as the file's own (CRLF from spreadsheets): store them as \n.
    const clean = rows.map((r) => r.map((cell) => cell.replace(/\r\n?/g, "\n")));
    return { header: clean[0], records: clean.slice(1) };
  } catch (err) {
    const e = err as { message: string; lines?: number; record?: number };
    return { error: { row: (e.record ?? 0) + 1, column: "", message: `The file is not valid CSV: ${e.message}` } };
  }
}

/**
 * The one code path behind the web upload and `grove import participants`. Nothing is
 * written unless the whole file is valid; then everything is written in one transaction.
 * New people are enrolled as approved (the coordinator chose them) and emailed a link to
 * choose a password; existing ones are updated by email; identical rows change nothing.
 */
export async function importParticipants(
  ctx: AppContext,
  principal: Principal,
  programmeId: string,
  csvText: string,
  dryRun: boolean,
): Promise<ImportReport> {
  const { programme } = await loadProgrammeFor(ctx.db, principal, programmeId, "manage");
  if (programme.status === "archived" || programme.status === "completed") {
    throw conflict("programme_closed", `A ${programme.status} programme does not take new participants.`);
  }
  const csv = readCsv(csvText);
  if ("error" in csv) return { rows: 0, created: 0, updated: 0, unchanged: 0, errors: [csv.error] };

  const forms: Partial<Record<IntakeRole, FormDefinition>> = {};
  for (const role of rulesFor(programme.type).roles.applicants) {
    const form = await findForm(ctx.db, programme.id, role);
    if (form) forms[role] = form;
  }
  const taxonomy = await currentTaxonomy(ctx.db);
  const plan = async (db: Executor) =>
    planImport(csv.header, csv.records, forms, await existingParticipants(db, programme.id), (name) => taxonomy.resolve(name)?.skill.name);
  if (dryRun) return reportOf(await plan(ctx.db));

  const report = await ctx.db.transaction(async (tx) => {
    // Imports take turns: each plans against what the previous one wrote, so a double
    // click or two coordinators loading overlapping HR exports never race on the same
    // people, and every report counts what that import really changed.
    await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK_KEY})`);
    const planned = await plan(tx);
    const report = reportOf(planned);
    const changes = planned.planned.filter((p) => p.action !== "unchanged");
    if (report.errors.length || changes.length === 0) return report;
    await writeImport(ctx, tx, principal, programme, forms, changes);
    return report;
  });
  if (report.errors.length || report.created + report.updated === 0) return report;
  // A big import changes the tables' shape; fresh statistics keep the directory's plans sane
  // (PGlite never autovacuums). Failing to analyze must not fail an import that committed.
  await ctx.db
    .execute(sql`analyze users, enrolments, programme_members`)
    .catch((err) => ctx.logger.warn({ err }, "analyze after import failed"));
  ctx.logger.info(
    { programmeId: programme.id, created: report.created, updated: report.updated, unchanged: report.unchanged },
    "participants imported",
  );
  return report;
}

type PlannedChange = ReturnType<typeof planImport>["planned"][number];

const reportOf = (plan: ReturnType<typeof planImport>): ImportReport => {
  const count = (action: string) => (plan.errors.length ? 0 : plan.planned.filter((p) => p.action === action).length);
  return { rows: plan.rows, created: count("create"), updated: count("update"), unchanged: count("unchanged"), errors: plan.errors };
};

async function writeImport(
  ctx: AppContext,
  tx: Tx,
  principal: Principal,
  programme: { id: string; name: string },
  forms: Partial<Record<IntakeRole, FormDefinition>>,
  changes: PlannedChange[],
) {
  const known = new Map<string, { id: string; name: string }>();
  const findKnown = async (emails: string[]) => {
    for (const part of chunks(emails)) {
      for (const u of await tx
        .select({ id: users.id, email: users.email, name: users.name })
        .from(users)
        .where(inArray(users.email, part))) {
        known.set(u.email, { id: u.id, name: u.name });
      }
    }
  };
  await findKnown(changes.map((c) => c.email));
  // Sorted by email, so two writers creating overlapping people always lock them in one order.
  const missing = changes.filter((c) => !known.has(c.email)).sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
  // One jsonb parameter per chunk, expanded by the database: no per-value parameter building.
  // An account someone else creates meanwhile (an application, another programme's
  // import) is linked to, not a conflict: only the rows we inserted get a welcome mail.
  const newPeople: PlannedChange[] = [];
  for (const part of chunks(missing)) {
    const inserted = await queryRows<{ id: string; email: string; name: string }>(
      tx,
      sql`insert into users (email, name, password_hash, is_admin)
          select r.email, r.name, null, false from jsonb_to_recordset(${JSON.stringify(part.map((c) => ({ email: c.email, name: c.name })))}::jsonb) as r(email text, name text)
          on conflict (email) do nothing
          returning id, email, name`,
    );
    const ours = new Set(inserted.map((u) => u.email));
    for (const u of inserted) known.set(u.email, { id: u.id, name: u.name });
    newPeople.push(...part.filter((c) => ours.has(c.email)));
  }
  await findKnown(missing.filter((c) => !known.has(c.email)).map((c) => c.email));
  for (const c of changes) {
    const user = known.get(c.email);
    if (user && user.name !== c.name) await tx.update(users).set({ name: c.name, updatedAt: sql`now()` }).where(eq(users.id, user.id));
  }
  const now = new Date().toISOString();
  for (const part of chunks(changes)) {
    const rows = part.map((c) => ({
      user_id: known.get(c.email)?.id,
      role: c.role,
      answers: c.answers,
      form_version: forms[c.role]?.version ?? 1,
      capacity: capacityFrom(c.answers),
    }));
    await tx.execute(sql`
      insert into enrolments (programme_id, user_id, role, status, source, answers, form_version, capacity, applied_at, decided_at, decided_by)
      select ${programme.id}::uuid, r.user_id, r.role, 'approved', 'import', r.answers, r.form_version, r.capacity, ${now}::timestamptz, ${now}::timestamptz, ${principal.user.id}::uuid
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(user_id uuid, role text, answers jsonb, form_version int, capacity int)
      on conflict (programme_id, user_id) do update set role = excluded.role, answers = excluded.answers,
        form_version = excluded.form_version, capacity = excluded.capacity, updated_at = ${now}::timestamptz`);
  }
  await syncImportedMemberships(
    tx,
    programme.id,
    changes.map((c) => known.get(c.email)?.id as string),
  );
  const welcome = newPeople.map((c) => ({ person: c, token: newSecret() }));
  const expiresAt = new Date(Date.now() + WELCOME_DAYS * 86_400_000).toISOString();
  for (const part of chunks(welcome)) {
    const resets = part.map((w) => ({ user_id: known.get(w.person.email)?.id, token_hash: hashSecret(w.token) }));
    await tx.execute(sql`
      insert into password_resets (user_id, token_hash, expires_at)
      select r.user_id, r.token_hash, ${expiresAt}::timestamptz from jsonb_to_recordset(${JSON.stringify(resets)}::jsonb) as r(user_id uuid, token_hash text)`);
    const payloads = part.map((w) =>
      importedWelcomeEmail(w.person, {
        programme: programme.name,
        link: enrolmentLink(ctx, programme.id),
        setPasswordLink: `${ctx.config.baseUrl}/reset-password?token=${encodeURIComponent(w.token)}`,
        days: WELCOME_DAYS,
      }),
    );
    await tx.execute(
      sql`insert into jobs (name, payload) select 'mail.send', p from jsonb_array_elements(${JSON.stringify(payloads)}::jsonb) as p`,
    );
  }
}

async function existingParticipants(db: Executor, programmeId: string): Promise<Map<string, ExistingParticipant>> {
  const rows = await db
    .select({ email: users.email, name: users.name, role: enrolments.role, answers: enrolments.answers })
    .from(enrolments)
    .innerJoin(users, eq(users.id, enrolments.userId))
    .where(eq(enrolments.programmeId, programmeId));
  return new Map(rows.map((r) => [r.email, { name: r.name, role: r.role, answers: r.answers }]));
}

/** Approved enrolments hold their role; a role changed by the import replaces the old one. */
async function syncImportedMemberships(db: Executor, programmeId: string, userIds: string[]) {
  for (const part of chunks(userIds)) {
    const ids = sql`(select jsonb_array_elements_text(${JSON.stringify(part)}::jsonb)::uuid)`;
    await db.execute(
      sql`delete from programme_members where programme_id = ${programmeId} and role <> 'coordinator' and user_id in ${ids}`,
    );
    await db.execute(sql`
      insert into programme_members (programme_id, user_id, role)
      select programme_id, user_id, role from enrolments
      where programme_id = ${programmeId} and status = 'approved' and user_id in ${ids}
      on conflict do nothing`);
  }
}
