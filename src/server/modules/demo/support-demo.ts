import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { DEMO_SEED } from "../../../core/demo/generate-cohort.js";
import { seededRandom } from "../../../core/demo/random.js";
import { supportStories } from "../../../core/demo/support-stories.js";
import { nextMonday, termEndFor } from "../../../core/programme-term.js";
import { addDays } from "../../../core/workspace/local-time.js";
import type { Principal } from "../../platform/auth/principal.js";
import { newSecret } from "../../platform/auth/secrets.js";
import type { Executor } from "../../platform/db.js";
import { users } from "../accounts/tables.js";
import { applyToAlert } from "../alerts/act-on-alert.js";
import { assignInTx } from "../alerts/assign-alert.js";
import { evaluateProgrammeAlerts } from "../alerts/evaluate-alerts.js";
import { supportAlerts } from "../alerts/tables.js";
import { checkIns, supportContacts } from "../check-ins/tables.js";
import type { ProgrammeRow } from "../programmes/repository.js";
import { programmes } from "../programmes/tables.js";
import { relationships } from "../relationships/tables.js";
import { surveyInvitations, surveyResponses, surveys } from "../surveys/tables.js";
import { mentoringPlans, pairSessions } from "../workspace/tables.js";

const DAY = 86_400_000;
const menteeUser = alias(users, "mentee_user");
const at = (date: string, time: string) => new Date(`${date}T${time}:00Z`);

export type DemoSupport = { responses: number; checkIns: number; alerts: Record<"open" | "acknowledged" | "snoozed" | "resolved", number> };

/**
 * Plays the demo programme four weeks into its term, so its support pages are alive: the
 * term started a month ago; pairs met (or did not), answered two fortnightly pulses and an
 * anonymous programme survey, had their week-2 check-ins; then the queue is evaluated and a
 * few alerts are worked — acknowledged and assigned, snoozed, resolved, one closed by
 * itself. Rows are written directly (no email, no job), inside the demo's transaction.
 */
export async function playSupportDemo(
  tx: Executor,
  coordinator: Principal,
  programme: ProgrammeRow,
  now = new Date(),
): Promise<DemoSupport> {
  const today = now.toISOString().slice(0, 10);
  const termStart = addDays(addDays(nextMonday(now), -7), -28);
  const termEnd = termEndFor(termStart);
  await tx
    .update(programmes)
    .set({ termStart, termEnd, version: sql`${programmes.version} + 1` })
    .where(eq(programmes.id, programme.id));
  const term = { ...programme, termStart, termEnd };

  const pairs = await tx
    .select({
      id: relationships.id,
      status: relationships.status,
      menteeUserId: relationships.menteeUserId,
      mentorUserId: relationships.mentorUserId,
    })
    .from(relationships)
    .innerJoin(menteeUser, eq(menteeUser.id, relationships.menteeUserId))
    .where(eq(relationships.programmeId, programme.id))
    .orderBy(asc(menteeUser.email));
  const active = pairs.filter((p) => p.status === "active");
  const stories = supportStories(active.length, DEMO_SEED);
  const startedAt = at(addDays(termStart, 1), "09:00");
  await tx
    .update(relationships)
    .set({ startedAt, createdAt: at(addDays(termStart, -3), "09:00"), mentorAcceptedAt: startedAt, menteeAcceptedAt: startedAt })
    .where(and(eq(relationships.programmeId, programme.id), eq(relationships.status, "active")));
  // The proposals have waited a week: past the programme's five days.
  await tx
    .update(relationships)
    .set({ createdAt: new Date(now.getTime() - 7 * DAY) })
    .where(and(eq(relationships.programmeId, programme.id), eq(relationships.status, "proposed")));

  // Sessions and plans.
  const sessions: (typeof pairSessions.$inferInsert)[] = [];
  const session = (relationshipId: string, day: string, status: "held" | "missed" | "scheduled") => ({
    relationshipId,
    title: "Mentoring session",
    startsAt: at(day, "16:00"),
    endsAt: at(day, "17:00"),
    timeZone: "UTC",
    localDate: day,
    localStartTime: "16:00",
    localEndTime: "17:00",
    status,
    createdBy: null,
  });
  active.forEach((p, i) => {
    const s = stories[i];
    for (let week = 0; week < 5; week++) {
      const day = addDays(termStart, 3 + week * 7);
      if (day >= today) break;
      if (s.meets === "quiet" && week > 0) break;
      sessions.push(session(p.id, day, s.meets === "missed" && (week === 1 || week === 2) ? "missed" : "held"));
    }
    if (s.meets !== "quiet") sessions.push(session(p.id, addDays(today, 2 + (i % 4)), "scheduled"));
  });
  if (sessions.length) await tx.insert(pairSessions).values(sessions);
  const agreed = active.filter((_, i) => stories[i].planAgreed);
  if (agreed.length) {
    await tx
      .insert(mentoringPlans)
      .values(agreed.map((p) => ({ relationshipId: p.id, mentorAcknowledgedAt: startedAt, menteeAcknowledgedAt: startedAt })));
  }

  // The fortnightly pulse, weeks 2 and 4: attributed answers with a few words from some.
  const [pulse] = await tx
    .select()
    .from(surveys)
    .where(and(eq(surveys.programmeId, programme.id), eq(surveys.purpose, "pulse")));
  const invitations: (typeof surveyInvitations.$inferInsert)[] = [];
  const responses: (typeof surveyResponses.$inferInsert)[] = [];
  active.forEach((p, i) => {
    [2, 4].forEach((week, w) => {
      const sentAt = at(addDays(termStart, (week - 1) * 7), "08:00");
      (["mentee", "mentor"] as const).forEach((side, k) => {
        const answer = stories[i].pulses[w * 2 + k];
        const userId = side === "mentee" ? p.menteeUserId : p.mentorUserId;
        const answeredAt = answer ? new Date(sentAt.getTime() + (1 + k) * DAY) : null;
        invitations.push({
          surveyId: pulse.id,
          programmeId: programme.id,
          userId,
          relationshipId: p.id,
          role: side,
          occasion: `w${week}`,
          week,
          linkKey: newSecret(),
          sentAt,
          closesAt: new Date(sentAt.getTime() + 7 * DAY),
          remindedAt: answer ? null : new Date(sentAt.getTime() + 3 * DAY),
          answeredAt,
        });
        if (answer && answeredAt) {
          responses.push({
            surveyId: pulse.id,
            week,
            answers: answer.text ? { going: answer.score, tell_us: answer.text } : { going: answer.score },
            occasion: `w${week}`,
            respondentUserId: userId,
            relationshipId: p.id,
            respondentRole: side,
            submittedAt: answeredAt,
          });
        }
      });
    });
  });

  // An anonymous survey about the programme itself, answered by enough people to show results.
  const [anonymous] = await tx
    .insert(surveys)
    .values({
      programmeId: programme.id,
      purpose: "custom",
      title: "How we run the programme",
      intro: "Anonymous: tell us honestly what to keep and what to change.",
      anonymous: true,
      audiences: ["mentees", "mentors"],
      schedule: { kind: "manual" },
      openDays: 14,
      reminderAfterDays: null,
      questions: [
        { id: "recommend", type: "nps", prompt: "How likely are you to recommend this programme to a colleague?", required: true },
        { id: "resources", type: "rating", prompt: "How useful are the weekly resources?", required: true },
        { id: "better", type: "short_text", prompt: "One thing we could do better", required: false },
      ],
      status: "active",
      createdBy: coordinator.user.id,
    })
    .returning();
  const random = seededRandom(DEMO_SEED + 5);
  const sentAnon = new Date(now.getTime() - 6 * DAY);
  const better = ["Shorter weekly emails", "A kick-off call for all pairs", "More examples of good goals", "Nothing, it works well"];
  for (const p of active) {
    for (const [side, userId] of [
      ["mentee", p.menteeUserId],
      ["mentor", p.mentorUserId],
    ] as const) {
      const answered = random.chance(0.6);
      invitations.push({
        surveyId: anonymous.id,
        programmeId: programme.id,
        userId,
        relationshipId: p.id,
        role: side,
        occasion: "manual:demo",
        week: 5,
        linkKey: newSecret(),
        sentAt: sentAnon,
        closesAt: new Date(sentAnon.getTime() + 14 * DAY),
        answeredAt: answered ? at(today, "00:00") : null,
      });
      if (answered) {
        responses.push({
          surveyId: anonymous.id,
          week: 5,
          answers: {
            recommend: random.int(5, 10),
            resources: random.int(2, 5),
            ...(random.chance(0.4) ? { better: random.pick(better) } : {}),
          },
        });
      }
    }
  }
  if (invitations.length) await tx.insert(surveyInvitations).values(invitations);
  if (responses.length) await tx.insert(surveyResponses).values(responses);

  // Week-2 check-ins, in the coordinator's own words; one follow-up date has passed.
  const logged = active.flatMap((p, i) => {
    const c = stories[i].checkIn;
    return c
      ? [
          {
            programmeId: programme.id,
            relationshipId: p.id,
            plannedWeek: 2,
            happenedOn: addDays(termStart, 9 + (i % 3)),
            with: "both" as const,
            outcome: c.outcome,
            note: c.note,
            followUpOn: c.followUpDaysAgo === null ? null : addDays(today, -c.followUpDaysAgo),
            loggedBy: coordinator.user.id,
          },
        ]
      : [];
  });
  if (logged.length) await tx.insert(checkIns).values(logged);
  if (active[0]) {
    await tx.insert(supportContacts).values({
      programmeId: programme.id,
      relationshipId: active[0].id,
      kind: "reminder",
      to: "both",
      subject: `A quick check-in from ${programme.name}`,
      body: "",
      sentBy: coordinator.user.id,
      sentAt: new Date(now.getTime() - 2 * DAY),
    });
  }

  // The queue: evaluate, let one alert close by itself (that pair met yesterday), and work a few.
  await evaluateProgrammeAlerts(tx, term, now);
  const quietLater = active.find((_, i) => i >= 2 && stories[i].meets === "quiet");
  if (quietLater) {
    await tx.insert(pairSessions).values(session(quietLater.id, addDays(today, -1), "held"));
    await evaluateProgrammeAlerts(tx, term, now);
  }
  const open = await tx
    .select()
    .from(supportAlerts)
    .where(and(eq(supportAlerts.programmeId, programme.id), ne(supportAlerts.state, "resolved")))
    .orderBy(asc(supportAlerts.type), asc(supportAlerts.key));
  const by = coordinator.user.id;
  for (const alert of open.filter((a) => a.type === "low_pulse")) {
    const assigned = await assignInTx(tx, alert, by, coordinator.user.name, by, now);
    await applyToAlert(tx, assigned, { action: "acknowledge", version: assigned.version }, by, now);
  }
  const proposal = open.find((a) => a.type === "proposal_not_accepted");
  if (proposal) await applyToAlert(tx, proposal, { action: "snooze", until: addDays(today, 5), version: proposal.version }, by, now);
  const overdue = open.find((a) => a.type === "check_in_overdue");
  if (overdue) {
    await applyToAlert(
      tx,
      overdue,
      { action: "resolve", resolution: "Spoke with both on a call: all fine, they meet every other week now.", version: overdue.version },
      by,
      now,
    );
  }

  const states = await tx
    .select({ state: supportAlerts.state, n: sql<number>`count(*)::int` })
    .from(supportAlerts)
    .where(eq(supportAlerts.programmeId, programme.id))
    .groupBy(supportAlerts.state);
  const alerts = { open: 0, acknowledged: 0, snoozed: 0, resolved: 0 };
  for (const s of states) alerts[s.state] = Number(s.n);
  const answered = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(surveyResponses)
    .where(inArray(surveyResponses.surveyId, [pulse.id, anonymous.id]));
  return { responses: Number(answered[0].n), checkIns: logged.length, alerts };
}
