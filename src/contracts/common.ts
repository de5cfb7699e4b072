import { z } from "zod";

export const Id = z.uuid({ message: "Must be a valid id" });
export const IdParams = z.strictObject({ id: Id });

/** A calendar date without a time, e.g. 2026-01-12. */
export const IsoDate = z.iso.date({ message: "Use a date like 2026-01-31" });

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Email addresses are at most 254 characters")
  .pipe(z.email({ message: "Enter a valid email address, like ada@example.org" }));

export const Password = z.string().min(10, "Passwords need at least 10 characters").max(200, "Passwords are at most 200 characters");

export const PersonName = z.string().trim().min(1, "Enter a name").max(120, "Names are at most 120 characters");

export const Page = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });

export const Ok = z.object({ ok: z.literal(true) });
