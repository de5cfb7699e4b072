import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../platform/errors.js";
import { programmeWithPool } from "../../test-support/programme-fixture.js";
import { type Client, createTestApp, createUserClient, setUpAdmin, type TestApp } from "../../test-support/test-app.js";
import { findEnrolmentOfUser } from "../enrolment/repository.js";
import { createPair, createPairs } from "./create-pair.js";

let t: TestApp;
let admin: Client;
let people: Record<string, Client>;
let programmeId: string;
const enrolmentIds: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  admin = await setUpAdmin(t.app);
  const pool = await programmeWithPool(t.app, admin, "Pairs", [
    "mo@example.org,Mo Mentor,mentor,12,Go:5,technical skills,,Europe/Lisbon,English,1,",
    "noor@example.org,Noor Mentee,mentee,2,Go:2,,technical skills,Europe/London,English,,",
    "ben@example.org,Ben Mentee,mentee,1,Go:1,,technical skills,Europe/Madrid,English,,",
  ]);
  people = pool.people;
  programmeId = pool.programme.id;
  for (const email of Object.keys(people)) {
    const me = (await people[email].get("/api/auth/session")).json();
    enrolmentIds[email] = (await findEnrolmentOfUser(t.ctx.db, programmeId, me.user.id)).id;
  }
});
afterAll(() => t.close());

const pair = (mentee: string, mentor = "mo@example.org") =>
  t.ctx.db.transaction((tx) =>
    createPair(tx, {
      programmeId,
      menteeEnrolmentId: enrolmentIds[mentee],
      mentorEnrolmentId: enrolmentIds[mentor],
      status: "active",
      origin: "manual",
      matchReasons: ["Both work in Go."],
    }),
  );

describe("a pair", () => {
  it("is created within the mentor's capacity and refused, with a reason, once the mentor is full", async () => {
    await pair("noor@example.org");
    const refused = await pair("ben@example.org").catch((e) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ status: 409, code: "mentor_full" });
  });

  it("in bulk keeps the same rules, refusing by position and creating the rest", async () => {
    const result = await t.ctx.db.transaction((tx) =>
      createPairs(tx, programmeId, [
        // Mo is full (capacity 1, Noor holds it); Noor already has a pair; Ben is refused a second place in one batch too.
        {
          menteeEnrolmentId: enrolmentIds["ben@example.org"],
          mentorEnrolmentId: enrolmentIds["mo@example.org"],
          status: "proposed",
          origin: "round",
        },
        {
          menteeEnrolmentId: enrolmentIds["noor@example.org"],
          mentorEnrolmentId: enrolmentIds["mo@example.org"],
          status: "proposed",
          origin: "round",
        },
        {
          menteeEnrolmentId: enrolmentIds["ben@example.org"],
          mentorEnrolmentId: enrolmentIds["noor@example.org"],
          status: "proposed",
          origin: "round",
        },
      ]),
    );
    expect(result.created).toEqual([]);
    expect(result.refused.map((r) => [r.index, r.code])).toEqual([
      [0, "mentor_full"],
      [1, "mentee_already_matched"],
      // Noor is a mentee, so "mentor" Noor has no capacity at all.
      [2, "mentor_full"],
    ]);
  });

  it("is listed for its two people only, each seeing the other as partner", async () => {
    const noor = (await people["noor@example.org"].get("/api/relationships")).json();
    expect(noor).toHaveLength(1);
    expect(noor[0]).toMatchObject({ side: "mentee", status: "active", partner: { name: "Mo Mentor" }, writable: true });
    const mo = (await people["mo@example.org"].get("/api/relationships")).json();
    expect(mo[0]).toMatchObject({ side: "mentor", partner: { name: "Noor Mentee" }, matchReasons: ["Both work in Go."] });
    expect((await people["ben@example.org"].get("/api/relationships")).json()).toEqual([]);
  });

  it("answers 404 to anyone else — another participant, the coordinator, the instance admin", async () => {
    const id = (await people["noor@example.org"].get("/api/relationships")).json()[0].id;
    expect((await people["noor@example.org"].get(`/api/relationships/${id}`)).statusCode).toBe(200);
    for (const outsider of [people["ben@example.org"], admin, await createUserClient(t.app, admin, "eve@example.org")]) {
      const res = await outsider.get(`/api/relationships/${id}`);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain("Noor");
    }
  });
});
