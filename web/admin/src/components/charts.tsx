/** Small, accessible SVG charts: each has a title, a text summary and the numbers in a table. */
import { axisLabelled, countAxis } from './chart-axis.js';

const palette = ['#7a2e8e', '#1f6f78', '#b3261e', '#8a6d00', '#2e5fa3', '#5b7d2a', '#9c4a1a', '#555'];

export interface StackedSeries {
  labels: string[];
  series: Array<{ name: string; values: number[] }>;
}

/**
 * Bars over a series of labels (weeks, sends): stacked, or side by side (`grouped`) where the series
 * are not parts of one whole (clicks and opens). `per` names what a label is, for the summary and table.
 */
export function StackedBarChart({ title, data, grouped = false, per = { one: 'Week', many: 'weeks' } }: { title: string; data: StackedSeries; grouped?: boolean; per?: { one: string; many: string } }) {
  const width = 640;
  const height = 220;
  const pad = { top: 10, right: 10, bottom: 40, left: 36 };
  const totals = data.labels.map((_, i) => data.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const axis = countAxis(Math.max(...(grouped ? data.series.flatMap((s) => s.values) : totals)));
  const band = (width - pad.left - pad.right) / Math.max(1, data.labels.length);
  const y = (v: number) => pad.top + (height - pad.top - pad.bottom) * (1 - v / axis.top);
  const sum = totals.reduce((a, b) => a + b, 0);
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`${title}: ${grouped ? data.series.map((s) => `${s.values.reduce((a, b) => a + b, 0)} ${s.name.toLowerCase()}`).join(', ') : sum} in ${data.labels.length} ${per.many}`}
      >
        {axis.ticks.map((v) => (
          <g key={v}>
            <line x1={pad.left} x2={width - pad.right} y1={y(v)} y2={y(v)} className="grid" />
            <text x={pad.left - 6} y={y(v) + 4} textAnchor="end" className="axis">
              {v}
            </text>
          </g>
        ))}
        {data.labels.map((label, i) => {
          let base = 0;
          const slot = (band * 0.7) / Math.max(1, data.series.length);
          return (
            <g key={label}>
              {data.series.map((s, k) => {
                const v = s.values[i] ?? 0;
                const fill = palette[k % palette.length];
                if (grouped) return <rect key={s.name} x={pad.left + i * band + band * 0.15 + k * slot} width={slot} y={y(v)} height={y(0) - y(v)} fill={fill} />;
                const top = y(base + v);
                const rect = <rect key={s.name} x={pad.left + i * band + band * 0.15} width={band * 0.7} y={top} height={y(base) - top} fill={fill} />;
                base += v;
                return rect;
              })}
              {(data.labels.length <= 12 || i % 2 === 0) && (
                <text x={pad.left + i * band + band / 2} y={height - pad.bottom + 16} textAnchor="middle" className="axis">
                  {label}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <ul className="legend">
        {data.series.map((s, k) => (
          <li key={s.name}>
            <span className="swatch" style={{ background: palette[k % palette.length] }} aria-hidden="true" />
            {s.name}
          </li>
        ))}
      </ul>
      <details>
        <summary>Show the numbers</summary>
        <table className="list">
          <thead>
            <tr>
              <th scope="col">{per.one}</th>
              {data.series.map((s) => (
                <th scope="col" key={s.name}>
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.labels.map((label, i) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {data.series.map((s) => (
                  <td key={s.name}>{s.values[i] ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

export function HorizontalBars({ title, rows, unit }: { title: string; rows: Array<{ label: string; value: number }>; unit: { one: string; many: string } }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <ol className="hbars">
        {rows.map((row) => (
          <li key={row.label}>
            <span className="hbar-label">{row.label}</span>
            <span className="hbar-track" aria-hidden="true">
              <span className="hbar" style={{ width: `${(row.value / max) * 100}%` }} />
            </span>
            <span className="hbar-value">
              {row.value.toLocaleString()} {row.value === 1 ? unit.one : unit.many}
            </span>
          </li>
        ))}
      </ol>
    </figure>
  );
}

/** Each link of a send with two bars: every click, and the recipients who clicked it. */
export function LinkClicks({ title, links }: { title: string; links: Array<{ url: string; clicks: number; uniqueClicks: number }> }) {
  const max = Math.max(1, ...links.map((l) => l.clicks));
  const series = [
    { name: 'Clicks', value: (l: (typeof links)[number]) => l.clicks },
    { name: 'Readers who clicked', value: (l: (typeof links)[number]) => l.uniqueClicks },
  ];
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <ol className="hbars link-bars">
        {links.map((link) => (
          <li key={link.url}>
            <span className="hbar-label" title={link.url}>
              {shortUrl(link.url)}
            </span>
            <span className="hbar-pair" aria-hidden="true">
              {series.map((s, k) => (
                <span key={s.name} className="hbar-track">
                  <span className="hbar" style={{ width: `${(s.value(link) / max) * 100}%`, background: palette[k] }} />
                </span>
              ))}
            </span>
            <span className="hbar-value">
              <span aria-hidden="true">
                {link.clicks.toLocaleString()} / {link.uniqueClicks.toLocaleString()}
              </span>
              <span className="visually-hidden">
                {link.clicks.toLocaleString()} {link.clicks === 1 ? 'click' : 'clicks'} by {link.uniqueClicks.toLocaleString()} {link.uniqueClicks === 1 ? 'reader' : 'readers'}
              </span>
            </span>
          </li>
        ))}
      </ol>
      <ul className="legend">
        {series.map((s, k) => (
          <li key={s.name}>
            <span className="swatch" style={{ background: palette[k] }} aria-hidden="true" />
            {s.name}
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** A link as a reader would recognise it: host and path, without the scheme and a trailing slash. */
function shortUrl(url: string): string {
  const short = url.replace(/^https?:\/\//, '').replace(/\/$/, '');
  return short.length > 60 ? `${short.slice(0, 59)}…` : short;
}

export interface LinePoint {
  label: string;
  value: number;
  /** Extra columns for the table of numbers, e.g. joined and left that day. */
  details?: Record<string, number>;
}

/** A line over time (e.g. a running total), drawn like the bar charts: title, summary, grid and the numbers. */
export function LineChart({ title, points, summary }: { title: string; points: LinePoint[]; summary: string }) {
  const width = 640;
  const height = 220;
  const pad = { top: 10, right: 10, bottom: 40, left: 36 };
  const axis = countAxis(Math.max(...points.map((p) => p.value)));
  const step = (width - pad.left - pad.right) / Math.max(1, points.length - 1);
  const x = (i: number) => pad.left + i * step;
  const y = (v: number) => pad.top + (height - pad.top - pad.bottom) * (1 - v / axis.top);
  const columns = [...new Set(points.flatMap((p) => Object.keys(p.details ?? {})))];
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${title}: ${summary}`}>
        {axis.ticks.map((v) => (
          <g key={v}>
            <line x1={pad.left} x2={width - pad.right} y1={y(v)} y2={y(v)} className="grid" />
            <text x={pad.left - 6} y={y(v) + 4} textAnchor="end" className="axis">
              {v}
            </text>
          </g>
        ))}
        <polyline fill="none" stroke={palette[0]} strokeWidth={2.5} strokeLinejoin="round" points={points.map((p, i) => `${x(i)},${y(p.value)}`).join(' ')} />
        {points.map(
          (p, i) =>
            axisLabelled(i, points.length) && (
              // The newest day ends at the right edge rather than running past it.
              <text key={p.label} x={x(i)} y={height - pad.bottom + 16} textAnchor={i === points.length - 1 && points.length > 1 ? 'end' : 'middle'} className="axis">
                {p.label}
              </text>
            ),
        )}
      </svg>
      <details>
        <summary>Show the numbers</summary>
        <table className="list">
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Total</th>
              {columns.map((c) => (
                <th scope="col" key={c}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.label}>
                <th scope="row">{p.label}</th>
                <td>{p.value}</td>
                {columns.map((c) => (
                  <td key={c}>{p.details?.[c] ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
