import type { RoundPair } from "./matching-api";
import { factorLabel, formatScore } from "./matching-labels";

const percent = (value: number | null) => (value === null ? "Not known" : `${Math.round(value * 100)}%`);

/**
 * Why a pair scored what it did: the reasons in words, then every factor with how well
 * the two fit on it, its weight and the points it brought.
 */
export function PairExplanation({ pair, headingLevel = 3 }: { pair: RoundPair; headingLevel?: 3 | 4 }) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <div className="pair-explanation">
      <Heading className="pair-explanation__title">Why this pair</Heading>
      {pair.reasons.length > 0 ? (
        <ul className="pair-explanation__reasons">
          {pair.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">No reasons were recorded for this pair.</p>
      )}
      <table className="data-table data-table--compact">
        <caption className="visually-hidden">
          Score of {pair.mentee.name} with {pair.mentor.name}, factor by factor
        </caption>
        <thead>
          <tr>
            <th scope="col">Factor</th>
            <th scope="col">Fit</th>
            <th scope="col">Weight</th>
            <th scope="col">Points</th>
          </tr>
        </thead>
        <tbody>
          {pair.factors.map((f) => (
            <tr key={f.factor}>
              <th scope="row">{factorLabel(f.factor)}</th>
              <td>{f.factor === "preferences" ? "—" : percent(f.value)}</td>
              <td>{f.factor === "preferences" ? "—" : f.weight === 10 ? "10 (must match)" : f.weight}</td>
              <td>
                {f.points > 0 && f.factor === "preferences" ? "+" : ""}
                {formatScore(f.points)}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              Score
            </th>
            <td>{formatScore(pair.score)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
