import { useId } from "react";

type Point = { week: number; n: number; average: number };

/** The average pulse score by programme week: a line over 1–5, and the same figures in a table. */
export function TrendChart({ points }: { points: Point[] }) {
  const captionId = useId();
  const width = 420;
  const height = 160;
  const left = 28;
  const bottom = 136;
  const top = 12;
  const weeks = points.map((p) => p.week);
  const minWeek = Math.min(...weeks);
  const maxWeek = Math.max(...weeks);
  const x = (w: number) => left + (maxWeek === minWeek ? (width - left) / 2 : ((w - minWeek) / (maxWeek - minWeek)) * (width - left - 16));
  const y = (v: number) => bottom - ((v - 1) / 4) * (bottom - top);
  return (
    <figure className="result__body" aria-labelledby={captionId}>
      <figcaption id={captionId} className="visually-hidden">
        Average pulse score by programme week
      </figcaption>
      <svg className="bars" viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
        {[1, 2, 3, 4, 5].map((v) => (
          <g key={v}>
            <line x1={left} x2={width} y1={y(v)} y2={y(v)} className="bars__axis" />
            <text x={left - 6} y={y(v) + 4} textAnchor="end" className="bars__label">
              {v}
            </text>
          </g>
        ))}
        <polyline className="trend__line" points={points.map((p) => `${x(p.week)},${y(p.average)}`).join(" ")} />
        {points.map((p) => (
          <g key={p.week}>
            <circle cx={x(p.week)} cy={y(p.average)} r={4} className="trend__dot" />
            <text x={x(p.week)} y={height - 6} textAnchor="middle" className="bars__label">
              w{p.week}
            </text>
          </g>
        ))}
      </svg>
      <table className="data-table">
        <caption className="visually-hidden">Average pulse score by programme week</caption>
        <thead>
          <tr>
            <th scope="col">Week</th>
            <th scope="col">Average (1–5)</th>
            <th scope="col">Responses</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.week}>
              <th scope="row">Week {p.week}</th>
              <td>{p.average}</td>
              <td>{p.n}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
