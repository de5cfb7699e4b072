import type { CoachProfileT } from "./coaching-api";

/** A coach's profile as others read it: credentials, specialisms, how they work, languages and zones. */
export function CoachProfileDetails({ profile: p }: { profile: CoachProfileT }) {
  return (
    <dl className="details">
      {p.bio ? (
        <div>
          <dt>About</dt>
          <dd className="prose">{p.bio}</dd>
        </div>
      ) : null}
      <div>
        <dt>Credentials</dt>
        <dd>
          {p.credentials.length === 0 ? (
            <span className="muted">None listed</span>
          ) : (
            <ul className="inline-list">
              {p.credentials.map((c) => (
                <li key={`${c.body}-${c.level}-${c.year}`}>{[c.body, c.level, c.year].filter(Boolean).join(", ")}</li>
              ))}
            </ul>
          )}
        </dd>
      </div>
      <div>
        <dt>Specialisms</dt>
        <dd>{p.specialisms.length ? p.specialisms.join(", ") : <span className="muted">None listed</span>}</dd>
      </div>
      {p.approach ? (
        <div>
          <dt>How they work</dt>
          <dd className="prose">{p.approach}</dd>
        </div>
      ) : null}
      {p.yearsCoaching !== null ? (
        <div>
          <dt>Years coaching</dt>
          <dd>{p.yearsCoaching}</dd>
        </div>
      ) : null}
      <div>
        <dt>Languages</dt>
        <dd>{p.languages.join(", ") || <span className="muted">Not given</span>}</dd>
      </div>
      <div>
        <dt>Time zones</dt>
        <dd>{p.timeZones.map((z) => z.replaceAll("_", " ")).join(", ") || <span className="muted">Not given</span>}</dd>
      </div>
    </dl>
  );
}
