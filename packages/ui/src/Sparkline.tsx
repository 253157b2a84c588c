/**
 * A sparkline: a target's measurements as a small line, its target as a dashed line, in an SVG
 * the size of a word or two. For screen readers it is one image named by `label` (the caller
 * says what it shows: the values are written beside it).
 */
export interface SparklinePoint {
  asOf: string;
  value: number;
}

export interface SparklineProps {
  points: readonly SparklinePoint[];
  /** The target line (none when null). */
  target?: number | null;
  label: string;
  width?: number;
  height?: number;
  color?: string;
}

/** Days since 1970 of an ISO date (the x axis: time, not the measurements' order). */
const dayOf = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

/**
 * The drawing of a sparkline: the line's path over time and the target's height, in a box of
 * `width` × `height` with `pad` inside; values and target share one scale. Null without a point.
 */
export function sparklineShape(points: readonly SparklinePoint[], target: number | null, width: number, height: number, pad = 2): { path: string; targetY: number | null; last: { x: number; y: number } } | null {
  if (points.length === 0) return null;
  const values = points.map((p) => p.value);
  const low = Math.min(...values, target ?? Infinity);
  const high = Math.max(...values, target ?? -Infinity);
  const first = dayOf(points[0]!.asOf);
  const span = dayOf(points.at(-1)!.asOf) - first;
  const x = (iso: string) => (span === 0 ? width / 2 : pad + ((dayOf(iso) - first) / span) * (width - 2 * pad));
  const y = (value: number) => (high === low ? height / 2 : pad + ((high - value) / (high - low)) * (height - 2 * pad));
  const round = (n: number) => Math.round(n * 10) / 10;
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(x(p.asOf))},${round(y(p.value))}`).join(' ');
  const end = points.at(-1)!;
  return { path, targetY: target === null ? null : round(y(target)), last: { x: round(x(end.asOf)), y: round(y(end.value)) } };
}

export function Sparkline({ points, target = null, label, width = 96, height = 24, color = '#0b57a4' }: SparklineProps) {
  const shape = sparklineShape(points, target, width, height);
  return (
    <svg className="dondoc-sparkline" role="img" aria-label={label} width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
      <title>{label}</title>
      {shape?.targetY !== null && shape?.targetY !== undefined ? <line x1={0} x2={width} y1={shape.targetY} y2={shape.targetY} stroke="#a8071a" strokeWidth={1} strokeDasharray="3 2" /> : null}
      {shape ? (
        <>
          <path d={shape.path} fill="none" stroke={color} strokeWidth={1.5} />
          <circle cx={shape.last.x} cy={shape.last.y} r={2} fill={color} />
        </>
      ) : null}
    </svg>
  );
}
