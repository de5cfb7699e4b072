import type { RoundDetail } from "./matching-api";
import { formatScore } from "./matching-labels";

const SHOWN = 10;

/**
 * The mentors most in demand: how many mentees had them among their best candidates or
 * as their first choice, and the price, i.e. the points another mentee's pair would have
 * to beat to win one of their places. A high price says "recruit more mentors like this".
 */
export function MentorContention({ mentors }: { mentors: RoundDetail["mentors"] }) {
  const contested = [...mentors].sort((a, b) => b.price - a.price || b.topChoice - a.topChoice).slice(0, SHOWN);
  const full = mentors.filter((m) => m.assigned >= m.capacity).length;
  return (
    <section aria-labelledby="contention-title" className="card">
      <h2 id="contention-title">Most wanted mentors</h2>
      <p className="muted">
        {full} of {mentors.length} mentors are full. Price is how many points a pair with this mentor would need to take one of their places
        from someone else; 0 means a place was still free.
      </p>
      {contested.length === 0 ? (
        <p>No mentors took part in this round.</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable so keyboard users can scroll it
        <section className="table-scroll table-scroll--contained" aria-labelledby="contention-caption" tabIndex={0}>
          <table className="data-table">
            <caption id="contention-caption" className="visually-hidden">
              The {contested.length} most contested mentors, highest price first
            </caption>
            <thead>
              <tr>
                <th scope="col">Mentor</th>
                <th scope="col">Places used</th>
                <th scope="col">Candidate for</th>
                <th scope="col">First choice of</th>
                <th scope="col">Price</th>
              </tr>
            </thead>
            <tbody>
              {contested.map((m) => (
                <tr key={m.mentor.enrolmentId}>
                  <th scope="row">
                    {m.mentor.name}
                    <span className="data-table__sub">{m.mentor.email}</span>
                  </th>
                  <td>
                    {m.assigned} of {m.capacity}
                    {m.assigned >= m.capacity ? <span className="badge badge--full">Full</span> : null}
                  </td>
                  <td>{m.candidates.toLocaleString()} mentees</td>
                  <td>{m.topChoice.toLocaleString()}</td>
                  <td>{formatScore(m.price)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}
