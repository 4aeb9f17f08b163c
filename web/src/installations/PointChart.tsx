import 'uplot/dist/uPlot.min.css';
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import type { PointView, ReadingSeries } from '../contracts';
import { thresholdLines } from './chart-thresholds';

/**
 * One point's readings over the chosen window with its alarm thresholds drawn across: high-high
 * and low-low in red, high and low in amber.
 */
export function PointChart({
  point,
  series,
  label,
}: {
  point: PointView;
  series: ReadingSeries;
  label: string;
}) {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const xs = series.readings.map((r) => Date.parse(r.ts) / 1000);
    const ys = series.readings.map((r) => r.value);
    const lines = thresholdLines(point);
    const values = [...ys, ...lines.map((l) => l.value)];
    const min = Math.min(point.rangeMin, ...values);
    const max = Math.max(point.rangeMax, ...values);
    const plot = new uPlot(
      {
        width: Math.max(320, el.clientWidth),
        height: 220,
        scales: {
          x: { time: true, range: () => [Date.parse(series.from) / 1000, Date.parse(series.to) / 1000] },
          y: { range: () => [min, max] },
        },
        series: [
          {},
          { label: `${point.code} (${point.unit})`, stroke: '#1f5fa8', width: 1.5, spanGaps: false },
        ],
        axes: [{}, { label: point.unit, size: 56 }],
        legend: { show: false },
        hooks: {
          draw: [
            (u) => {
              const ctx = u.ctx;
              ctx.save();
              for (const line of lines) {
                const y = u.valToPos(line.value, 'y', true);
                ctx.strokeStyle = line.color;
                ctx.lineWidth = 1.5 * devicePixelRatio;
                ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
                ctx.beginPath();
                ctx.moveTo(u.bbox.left, y);
                ctx.lineTo(u.bbox.left + u.bbox.width, y);
                ctx.stroke();
                ctx.fillStyle = line.color;
                ctx.font = `${11 * devicePixelRatio}px sans-serif`;
                ctx.fillText(
                  `${line.label} ${line.value}`,
                  u.bbox.left + 4 * devicePixelRatio,
                  y - 4 * devicePixelRatio,
                );
              }
              ctx.restore();
            },
          ],
        },
      },
      [xs, ys],
      el,
    );
    const resize = new ResizeObserver(() =>
      plot.setSize({ width: Math.max(320, el.clientWidth), height: 220 }),
    );
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [point, series]);

  return (
    <div
      ref={host}
      className="point-chart"
      role="img"
      aria-label={label}
      data-testid={`chart-${point.code}`}
    />
  );
}
