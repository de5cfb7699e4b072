import { useId } from "react";

type ScoreChartProps = {
  /** Pairs per 10-point band, 0–10 first. */
  histogram: number[];
};

/** Stated preferences can take a score below 0 or above 100: the end bands are open. */
const bandLabel = (i: number, count: number) => (i === 0 ? "Under 10" : i === count - 1 ? `${i * 10} or more` : `${i * 10}–${i * 10 + 9}`);

/**
 * How the pairs' scores spread, as bars and as the same numbers in a table. The bars
 * are a picture of the table (hidden from screen readers, who get the table); each bar
 * carries its count as text, so nothing depends on colour or on reading bar heights.
 */
export function ScoreChart({ histogram }: ScoreChartProps) {
  const titleId = useId();
  const max = Math.max(1, ...histogram);
  const total = histogram.reduce((sum, n) => sum + n, 0);
  const width = 320;
  const height = 140;
  const base = 118;
  const slot = width / histogram.length;
  const barWidth = slot - 6;

  return (
    <figure className="score-chart" aria-labelledby={titleId}>
      <figcaption id={titleId} className="score-chart__title">
        Scores of the {total.toLocaleString()} {total === 1 ? "pair" : "pairs"}, in bands of 10 points
      </figcaption>
      <div className="score-chart__body">
        <svg className="score-chart__bars" viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
          <line x1="0" x2={width} y1={base} y2={base} className="score-chart__axis" />
          {histogram.map((count, i) => {
            const barHeight = count === 0 ? 0 : Math.max(2, (count / max) * (base - 22));
            const x = i * slot + 3;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: the bands are fixed positions
              <g key={i}>
                <rect x={x} y={base - barHeight} width={barWidth} height={barHeight} className="score-chart__bar" />
                <text x={x + barWidth / 2} y={base - barHeight - 4} textAnchor="middle" className="score-chart__count">
                  {count}
                </text>
                <text x={x + barWidth / 2} y={base + 14} textAnchor="middle" className="score-chart__band">
                  {i * 10}
                </text>
              </g>
            );
          })}
        </svg>
        <table className="data-table score-chart__table">
          <caption className="visually-hidden">Pairs per score band</caption>
          <thead>
            <tr>
              <th scope="col">Score</th>
              <th scope="col">Pairs</th>
            </tr>
          </thead>
          <tbody>
            {histogram.map((count, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the bands are fixed positions
              <tr key={i}>
                <th scope="row">{bandLabel(i, histogram.length)}</th>
                <td>{count.toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
