/**
 * Minutes east of UTC for an IANA time zone at a moment (Europe/Berlin in January: +60).
 * Uses the runtime's own time-zone database through Intl.
 */
export function utcOffsetMinutes(timeZone: string, at: Date): number {
  const name =
    formatterFor(timeZone)
      .formatToParts(at)
      .find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === "-" ? -minutes : minutes;
}

// Building an Intl formatter costs far more than using one; a pool has few distinct zones.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
    formatters.set(timeZone, f);
  }
  return f;
}
