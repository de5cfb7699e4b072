import type { z } from "zod";
import type { PublicProfile as PublicProfileSchema } from "../../../contracts/self-match";

type Profile = z.infer<typeof PublicProfileSchema>;

const LEVELS = ["", "beginner", "learning", "capable", "strong", "expert"];

/** What someone shared in their application that helps the other side choose. */
export function PublicProfile({ profile, side }: { profile: Profile; side: "mentor" | "mentee" }) {
  const none = <span className="muted">Not given</span>;
  return (
    <dl className="details profile-facts">
      <div className="details__wide">
        <dt>{side === "mentor" ? "Skills they can help with" : "Skills they want to grow"}</dt>
        <dd>
          {profile.skills.length > 0 ? (
            <ul className="inline-list">
              {profile.skills.map((skill) => (
                <li key={skill.name} className="tag">
                  {skill.name}{" "}
                  <span className="muted">
                    {skill.level}/5<span className="visually-hidden"> ({LEVELS[skill.level] ?? "level"})</span>
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            none
          )}
        </dd>
      </div>
      <div>
        <dt>{side === "mentor" ? "Helps with" : "Looking for"}</dt>
        <dd>{profile.areas.length > 0 ? profile.areas.join(", ") : none}</dd>
      </div>
      <div>
        <dt>Years in software</dt>
        <dd>{profile.yearsExperience ?? none}</dd>
      </div>
      <div>
        <dt>Time zone</dt>
        <dd>{profile.timezone ? profile.timezone.replaceAll("_", " ") : none}</dd>
      </div>
      <div>
        <dt>Languages</dt>
        <dd>{profile.languages.length > 0 ? profile.languages.join(", ") : none}</dd>
      </div>
    </dl>
  );
}

/** "Fit 82 / 100", in words for screen readers too. */
export function FitScore({ score }: { score: number | null }) {
  if (score === null) return <span className="badge">Fit not scored</span>;
  return (
    <span className="badge fit-score">
      Fit {Math.round(score)}
      <span aria-hidden="true"> / 100</span>
      <span className="visually-hidden"> out of 100</span>
    </span>
  );
}
