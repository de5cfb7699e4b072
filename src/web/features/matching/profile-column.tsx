import type { PairSideProfile } from "./matching-api";

const dayNames = { mon: "Mon", tue: "Tue", wed: "Wed", thu: "Thu", fri: "Fri", sat: "Sat", sun: "Sun" } as const;

const utcOffset = (minutes: number) => {
  const sign = minutes < 0 ? "−" : "+";
  const abs = Math.abs(minutes);
  return `UTC${sign}${Math.floor(abs / 60)}${abs % 60 ? `:${String(abs % 60).padStart(2, "0")}` : ""}`;
};

/**
 * One person's side of a pair. What they have in common with the other side is marked
 * with words and a symbol as well as colour ("Shared", "Same skill"), so it never
 * depends on seeing colour.
 */
export function ProfileColumn({ side, title }: { side: PairSideProfile; title: string }) {
  const titleId = `profile-${side.person.enrolmentId}`;
  const isMentor = side.capacity !== null;
  return (
    <section className="profile-column card" aria-labelledby={titleId}>
      <h2 id={titleId} className="profile-column__title">
        <span className="profile-column__role">{title}</span> {side.person.name}
      </h2>
      <p className="muted profile-column__email">{side.person.email}</p>
      <dl className="profile-facts">
        <div>
          <dt>Experience</dt>
          <dd>{side.yearsExperience === 1 ? "1 year" : `${side.yearsExperience} years`}</dd>
        </div>
        <div>
          <dt>Time zone</dt>
          <dd>
            {side.timezone} ({utcOffset(side.utcOffsetMinutes)})
          </dd>
        </div>
        {isMentor ? (
          <div>
            <dt>Places</dt>
            <dd>
              {side.assignedInRound ?? 0} of {side.capacity} used in this round
            </dd>
          </div>
        ) : null}
      </dl>

      <h3>{isMentor ? "Skills offered" : "Skills to grow"}</h3>
      {side.skills.length === 0 ? (
        <p className="muted">None given.</p>
      ) : (
        <ul className="overlap-list">
          {side.skills.map((skill) => (
            <li key={skill.name} className={skill.match ? "overlap overlap--shared" : "overlap"}>
              {skill.match ? (
                <span className="overlap__mark" aria-hidden="true">
                  {skill.match === "skill" ? "✓" : "≈"}
                </span>
              ) : null}
              <span className="overlap__name">{skill.name}</span> <span className="muted">level {skill.level}</span>
              {skill.match ? <span className="overlap__tag">{skill.match === "skill" ? "Same skill" : "Same family"}</span> : null}
            </li>
          ))}
        </ul>
      )}

      <MarkedList title={isMentor ? "Areas offered" : "Areas sought"} items={side.areas} />
      <MarkedList title="Languages" items={side.languages} />
      <MarkedList title="Interests" items={side.interests} />

      <h3>Availability</h3>
      {side.availability.length === 0 ? (
        <p className="muted">No weekly times given.</p>
      ) : (
        <ul className="overlap-list">
          {side.availability.map((w) => (
            <li key={`${w.day}-${w.start}`} className={w.overlapMinutes > 0 ? "overlap overlap--shared" : "overlap"}>
              {w.overlapMinutes > 0 ? (
                <span className="overlap__mark" aria-hidden="true">
                  ✓
                </span>
              ) : null}
              <span className="overlap__name">
                {dayNames[w.day]} {w.start}–{w.end}
              </span>
              {w.overlapMinutes > 0 ? <span className="overlap__tag">Both free {w.overlapMinutes} min</span> : null}
            </li>
          ))}
        </ul>
      )}

      {side.answers.length > 0 ? (
        <details className="profile-answers">
          <summary>
            All answers<span className="visually-hidden"> of {side.person.name}</span>
          </summary>
          <dl>
            {side.answers.map((a) => (
              <div key={a.key}>
                <dt>{a.label}</dt>
                <dd className="prose">{a.value}</dd>
              </div>
            ))}
          </dl>
        </details>
      ) : null}
    </section>
  );
}

function MarkedList({ title, items }: { title: string; items: { name: string; shared: boolean }[] }) {
  return (
    <>
      <h3>{title}</h3>
      {items.length === 0 ? (
        <p className="muted">None given.</p>
      ) : (
        <ul className="overlap-list overlap-list--inline">
          {items.map((item) => (
            <li key={item.name} className={item.shared ? "overlap overlap--shared" : "overlap"}>
              {item.shared ? (
                <span className="overlap__mark" aria-hidden="true">
                  ✓
                </span>
              ) : null}
              <span className="overlap__name">{item.name}</span>
              {item.shared ? <span className="overlap__tag">Shared</span> : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
