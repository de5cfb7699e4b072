import { and, asc, eq, gt, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { hashSecret, newSecret } from "../../platform/auth/secrets.js";
import type { Executor } from "../../platform/db.js";
import { notFound } from "../../platform/errors.js";
import { users } from "../accounts/tables.js";
import { relationships } from "../relationships/tables.js";
import { sessionCalendar } from "./ical.js";
import { forCalendar } from "./session-mail.js";
import { calendarFeeds, pairSessions } from "./tables.js";

const FEED_PREFIX = "grove_cal_";
/** How far back a feed reaches: enough for "when did we last meet", small enough to stay fast. */
const FEED_HISTORY_DAYS = 180;
const FEED_MAX_EVENTS = 2000;

export const feedUrl = (baseUrl: string, token: string) => `${baseUrl}/api/calendar/${token}.ics`;

export async function feedStatus(db: Executor, userId: string) {
  const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, userId));
  return { active: Boolean(row), createdAt: row?.createdAt.toISOString() ?? null };
}

/**
 * A new secret feed address for the person, replacing any old one (which stops working at
 * once). Only its hash is kept, so the address is shown this once.
 */
export async function rotateFeed(db: Executor, userId: string, baseUrl: string, now = new Date()) {
  const token = newSecret(FEED_PREFIX);
  const values = { tokenHash: hashSecret(token), createdAt: now, lastReadAt: null };
  await db
    .insert(calendarFeeds)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: values });
  return { url: feedUrl(baseUrl, token), createdAt: now.toISOString() };
}

export async function revokeFeed(db: Executor, userId: string) {
  const rows = await db.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId)).returning({ userId: calendarFeeds.userId });
  if (rows.length === 0) throw notFound("A calendar feed");
}

const mentor = alias(users, "feed_mentor");
const mentee = alias(users, "feed_mentee");

/**
 * Every session of the feed's owner, across all their pairs: title, time, place and a link.
 * Cancelled sessions stay in, marked cancelled, so subscribed calendars drop them.
 */
export async function readFeed(db: Executor, token: string, baseUrl: string, now = new Date()): Promise<string> {
  if (!token.startsWith(FEED_PREFIX)) throw notFound("That calendar");
  const [feed] = await db
    .select()
    .from(calendarFeeds)
    .where(eq(calendarFeeds.tokenHash, hashSecret(token)));
  if (!feed) throw notFound("That calendar");
  const userId = feed.userId;
  const rows = await db
    .select({ s: pairSessions, r: { mentorUserId: relationships.mentorUserId }, mentorName: mentor.name, menteeName: mentee.name })
    .from(pairSessions)
    .innerJoin(relationships, eq(relationships.id, pairSessions.relationshipId))
    .innerJoin(mentor, eq(mentor.id, relationships.mentorUserId))
    .innerJoin(mentee, eq(mentee.id, relationships.menteeUserId))
    .where(
      and(
        or(eq(relationships.mentorUserId, userId), eq(relationships.menteeUserId, userId)),
        gt(pairSessions.endsAt, new Date(now.getTime() - FEED_HISTORY_DAYS * 86_400_000)),
      ),
    )
    .orderBy(asc(pairSessions.startsAt))
    .limit(FEED_MAX_EVENTS);
  // Reading a feed is frequent; remember it at most hourly rather than write on every poll.
  if (!feed.lastReadAt || now.getTime() - feed.lastReadAt.getTime() > 3_600_000)
    await db.update(calendarFeeds).set({ lastReadAt: now }).where(eq(calendarFeeds.userId, userId));
  return sessionCalendar({
    method: "PUBLISH",
    name: "Grove sessions",
    baseUrl,
    sessions: rows.map(({ s, r, mentorName, menteeName }) => forCalendar(baseUrl, s, r.mentorUserId === userId ? menteeName : mentorName)),
  });
}
