import { expect } from "vitest";
import type { GroveApp } from "../app.js";
import { type Client, createUserClient } from "./test-app.js";

export const PAIRING_CSV_HEADER = "email,name,role,years_experience,skills,offers,seeks,timezone,languages,capacity,manager_email";

/**
 * A programme whose approved pool comes from a CSV import (the coordinator chose them),
 * with every person in it signed in from their own browser. Accounts are created first,
 * so the import links to them instead of sending set-password links.
 */
export async function programmeWithPool(app: GroveApp, admin: Client, name: string, rows: string[], create: Record<string, unknown> = {}) {
  const people: Record<string, Client> = {};
  for (const row of rows) {
    const [email, personName] = row.split(",");
    people[email] = await createUserClient(app, admin, email, personName);
  }
  const programme = (await admin.post("/api/programmes", { name, ...create })).json();
  const imported = await app.inject({
    method: "POST",
    url: `/api/programmes/${programme.id}/imports`,
    headers: { cookie: `grove_session=${admin.cookie}`, "x-csrf-token": admin.csrfToken as string, "content-type": "text/csv" },
    payload: [PAIRING_CSV_HEADER, ...rows].join("\n"),
  });
  expect(imported.json().errors).toEqual([]);
  return { programme, people };
}
