import { useLayoutEffect, useRef, useState } from 'preact/hooks';

export interface Series {
  label: string;
  /** [time in ms, value], oldest first. */
  points: [number, number][];
}

interface Props {
  title: string;
  series: Series[];
  since: number;
  until: number;
  format: (value: number) => string;
  /** The top of the scale when it is known (100 %, the host's memory); else the highest value. */
  yMax?: number;
  /** Samples further apart than this are not joined: the host did not report in between. */
  gapMs: number;
}

const HEIGHT = 170;
const TOP = 18;
const BOTTOM = 20;

function timeLabel(ms: number, withDate: boolean): string {
  const date = new Date(ms);
  return withDate
    ? date.toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })
    : date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

function segments(points: [number, number][], gapMs: number): [number, number][][] {
  const out: [number, number][][] = [];
  let current: [number, number][] = [];
  for (const point of points) {
    const previous = current[current.length - 1];
    if (previous && point[0] - previous[0] > gapMs) {
      out.push(current);
      current = [];
    }
    current.push(point);
  }
  if (current.length) out.push(current);
  return out;
}

/**
 * A time chart drawn at the width it is given (measured, not scaled), so its labels stay
 * readable on a phone. The scale starts at 0; min and max of each series are in the legend.
 */
export function LineChart({ title, series, since, until, format, yMax, gapMs }: Props) {
  const boxRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(600);

  useLayoutEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const measure = () => setWidth(Math.max(240, Math.round(box.clientWidth)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  const values = series.flatMap((s) => s.points.map((p) => p[1]));
  const highest = values.length ? Math.max(...values) : 0;
  const top = yMax && yMax > 0 ? Math.max(yMax, highest) : highest > 0 ? highest * 1.1 : 1;
  const span = Math.max(1, until - since);
  const x = (t: number) => ((t - since) / span) * width;
  const y = (v: number) => TOP + (1 - v / top) * (HEIGHT - TOP - BOTTOM);
  const longRange = span > 12 * 3_600_000;

  const stats = series.map((s) => {
    const vs = s.points.map((p) => p[1]);
    const last = s.points[s.points.length - 1];
    return {
      label: s.label,
      latest: last ? format(last[1]) : '—',
      min: vs.length ? format(Math.min(...vs)) : '—',
      max: vs.length ? format(Math.max(...vs)) : '—',
    };
  });
  const summary =
    `${title}. ` +
    (values.length
      ? stats.map((s) => `${s.label}: latest ${s.latest}, lowest ${s.min}, highest ${s.max}`).join('; ')
      : 'No samples in this period');

  return (
    <figure class="admin-chart-box">
      <figcaption class="admin-chart-title">{title}</figcaption>
      <div ref={boxRef} class="admin-chart-area">
        <svg
          data-testid="admin-chart"
          role="img"
          aria-label={summary}
          width={width}
          height={HEIGHT}
          viewBox={`0 0 ${width} ${HEIGHT}`}
          class="admin-chart"
        >
          <line class="grid" x1={0} x2={width} y1={y(top)} y2={y(top)} />
          <line class="grid" x1={0} x2={width} y1={y(top / 2)} y2={y(top / 2)} />
          <line class="axis" x1={0} x2={width} y1={y(0)} y2={y(0)} />
          <text class="tick" x={2} y={y(top) - 4}>
            {format(top)}
          </text>
          <text class="tick" x={2} y={y(0) - 4}>
            {format(0)}
          </text>
          <text class="tick" x={2} y={HEIGHT - 5}>
            {timeLabel(since, longRange)}
          </text>
          <text class="tick" x={width - 2} y={HEIGHT - 5} text-anchor="end">
            {timeLabel(until, longRange)}
          </text>
          {series.map((s, i) =>
            segments(s.points, gapMs).map((seg, j) =>
              seg.length === 1 ? (
                <circle key={`${i}-${j}`} class={`s${i % 4}`} cx={x(seg[0]![0])} cy={y(seg[0]![1])} r={2.5} />
              ) : (
                <polyline
                  key={`${i}-${j}`}
                  class={`line s${i % 4}`}
                  points={seg.map(([t, v]) => `${x(t).toFixed(1)},${y(v).toFixed(1)}`).join(' ')}
                />
              ),
            ),
          )}
          {values.length === 0 && (
            <text class="tick" x={width / 2} y={HEIGHT / 2} text-anchor="middle">
              No samples in this period
            </text>
          )}
        </svg>
      </div>
      <ul class="admin-legend">
        {stats.map((s, i) => (
          <li key={s.label}>
            <span class={`swatch s${i % 4}`} aria-hidden="true" />
            <strong>{s.label}</strong> {s.latest}
            <span class="muted">
              {' '}
              (min {s.min}, max {s.max})
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
