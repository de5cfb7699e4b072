import { expect } from "vitest";
import { programmeWithPool } from "../../test-support/programme-fixture.js";
import type { Client, TestApp } from "../../test-support/test-app.js";
import { findEnrolmentOfUser } from "../enrolment/repository.js";

/**
 * A programme in self-match mode, matching, with an imported pool whose people are all
 * signed in; enrolment ids by email.
 */
export async function selfMatchProgramme(
  t: TestApp,
  admin: Client,
  name: string,
  rows: string[],
  settings: { requestLimit?: number; requestExpiryDays?: number } = {},
) {
  const { programme, people } = await programmeWithPool(t.app, admin, name, rows);
  let version = programme.version;
  const patched = await admin.patch(`/api/programmes/${programme.id}`, { version, matchMode: "self", ...settings });
  expect(patched.statusCode, patched.body).toBe(200);
  version = patched.json().version;
  for (const status of ["open", "matching"]) {
    const moved = await admin.post(`/api/programmes/${programme.id}/status`, { status, version });
    expect(moved.statusCode, moved.body).toBe(200);
    version = moved.json().version;
  }
  const enrolmentIds: Record<string, string> = {};
  for (const email of Object.keys(people)) {
    const me = (await people[email].get("/api/auth/session")).json();
    enrolmentIds[email] = (await findEnrolmentOfUser(t.ctx.db, programme.id, me.user.id)).id;
  }
  return { programmeId: programme.id as string, people, enrolmentIds };
}

/** A message long enough to pass validation, unique so privacy checks can search for it. */
export const messageFor = (mentee: string, mentor: string) => {
  const [from, to] = [mentee.split("@")[0], mentor.split("@")[0]];
  return `Dear ${to}, ${from} here: I would love your help growing my Go skills this term. [secret-${from}-${to}]`;
};
