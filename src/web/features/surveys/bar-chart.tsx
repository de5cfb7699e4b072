import { useId } from "react";

type Bucket = { value: string; label: string; count: number };

/**
 * Counts as horizontal bars with the same numbers in a table beside them. The bars are a
 * picture of the table (hidden from screen readers, who get the table); each bar carries
 * its count as text, so nothing depends on colour or reading lengths.
 */
export function BarChart({ buckets, caption, unit }: { buckets: Bucket[]; caption: string; unit: string }) {
  const captionId = useId();
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const total = buckets.reduce((n, b) => n + b.count, 0);
  const row = 22;
  const labelWidth = 150;
  const width = 420;
  const barSpace = width - labelWidth - 40;
  return (
    <figure className="result__body" aria-labelledby={captionId}>
      <figcaption id={captionId} className="visually-hidden">
        {caption}
      </figcaption>
      <svg className="bars" viewBox={`0 0 ${width} ${buckets.length * row + 4}`} aria-hidden="true" focusable="false">
        {buckets.map((b, i) => {
          const w = b.count === 0 ? 0 : Math.max(2, (b.count / max) * barSpace);
          const y = i * row + 2;
          const label = b.label.length > 22 ? `${b.label.slice(0, 21)}…` : b.label;
          return (
            <g key={b.value}>
              <text x={labelWidth - 6} y={y + 14} textAnchor="end" className="bars__label">
                {label}
              </text>
              <rect x={labelWidth} y={y + 3} width={w} height={row - 8} className="bars__bar" />
              <text x={labelWidth + w + 4} y={y + 14} className="bars__count">
                {b.count}
              </text>
            </g>
          );
        })}
        <line x1={labelWidth} x2={labelWidth} y1={0} y2={buckets.length * row + 4} className="bars__axis" />
      </svg>
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Answer</th>
            <th scope="col">{unit}</th>
            <th scope="col">Share</th>
          </tr>
        </thead>
        <tbody>
          {buckets.map((b) => (
            <tr key={b.value}>
              <th scope="row">{b.label}</th>
              <td>{b.count}</td>
              <td>{total ? `${Math.round((b.count / total) * 100)}%` : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
