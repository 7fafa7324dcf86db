import { useEffect, useRef, useState } from 'preact/hooks';
import type { ContainerInfo } from '../api/swift';
import { formatBytes, formatCount } from '../format';

const ROW = 38;
const BAR = 10;
const CHAR_WIDTH = 7.5;
const VALUE_WIDTH = 150;

/**
 * The chart is drawn at the width it is shown at, rather than scaled from a fixed viewBox,
 * so that its text stays legible on a phone.
 */
function useWidth(fallback: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setWidth(Math.max(200, Math.floor(element.clientWidth)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

function truncate(text: string, chars: number): string {
  return text.length <= chars ? text : `${text.slice(0, Math.max(1, chars - 1))}…`;
}

function objectsText(count: number): string {
  return `${formatCount(count)} ${count === 1 ? 'file' : 'files'}`;
}

interface ChartProps {
  /** Already the ones to show, largest first. */
  containers: ContainerInfo[];
  /** How many containers the account has in all. */
  total: number;
}

/** Horizontal bars of bytes per container, with a hidden table of the same figures for screen readers. */
export function UsageChart({ containers, total }: ChartProps) {
  const { ref, width } = useWidth(600);
  const max = Math.max(1, ...containers.map((c) => c.bytes));
  const height = containers.length * ROW;
  const nameChars = Math.floor((width - VALUE_WIDTH) / CHAR_WIDTH);
  const shownOf = containers.length < total ? `the ${containers.length} largest of ${formatCount(total)} containers` : 'each container';
  const label = `Bytes used by ${shownOf}: ${containers
    .map((c) => `${c.name} ${formatBytes(c.bytes)}`)
    .join(', ')}`;

  return (
    <figure class="usage-figure">
      <figcaption>
        Space used by {shownOf}
      </figcaption>
      <div ref={ref} class="chart-box">
        <svg
          data-testid="usage-chart"
          class="bar-chart"
          role="img"
          aria-label={label}
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
        >
          {containers.map((c, i) => {
            const y = i * ROW;
            const bar = c.bytes > 0 ? Math.max(2, (c.bytes / max) * width) : 0;
            return (
              <g key={c.name}>
                <title>{`${c.name}: ${formatBytes(c.bytes)}, ${objectsText(c.count)}`}</title>
                <text x={0} y={y + 15} class="chart-label">
                  {truncate(c.name, nameChars)}
                </text>
                <text x={width} y={y + 15} class="chart-value" text-anchor="end">
                  {formatBytes(c.bytes)} · {objectsText(c.count)}
                </text>
                <rect x={0} y={y + 22} width={width} height={BAR} rx={BAR / 2} class="chart-track" />
                <rect x={0} y={y + 22} width={bar} height={BAR} rx={BAR / 2} class="chart-bar" />
              </g>
            );
          })}
        </svg>
      </div>
      <table class="visually-hidden" data-testid="usage-table">
        <caption>Space used per container</caption>
        <thead>
          <tr>
            <th scope="col">Container</th>
            <th scope="col">Bytes</th>
            <th scope="col">Files</th>
          </tr>
        </thead>
        <tbody>
          {containers.map((c) => (
            <tr key={c.name}>
              <th scope="row">{c.name}</th>
              <td>{c.bytes.toLocaleString()}</td>
              <td>{c.count.toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

interface MeterProps {
  title: string;
  used: number;
  limit: number;
  format: (n: number) => string;
  testId: string;
}

/** Used against allowed, as one bar; the words beside it say the same. */
export function QuotaMeter({ title, used, limit, format, testId }: MeterProps) {
  const share = limit > 0 ? used / limit : 1;
  const percent = Math.round(share * 100);
  const words = `${format(used)} of ${format(limit)} (${percent}%)`;
  const filled = Math.min(1, share) * 100;
  return (
    <div class="quota-meter">
      <div class="quota-meter-head">
        <span>{title}</span>
        <span class="muted">{words}</span>
      </div>
      <svg
        data-testid={testId}
        role="img"
        aria-label={`${title}: ${words} used`}
        width="100%"
        height="14"
        viewBox="0 0 100 14"
        preserveAspectRatio="none"
      >
        <rect x={0} y={0} width={100} height={14} class="chart-track" />
        <rect x={0} y={0} width={filled} height={14} class={share >= 0.9 ? 'chart-bar full' : 'chart-bar'} />
      </svg>
    </div>
  );
}
