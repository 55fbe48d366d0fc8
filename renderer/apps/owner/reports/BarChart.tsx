// A bar chart on uPlot (canvas, ~45 KB): category labels on x, money on y, an optional line series drawn
// over the bars, the hovered values in the legend. Resizes with its container.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';

export interface ChartSeries {
  label: string;
  values: number[];
  color: string;
  kind: 'bars' | 'line';
}

export function BarChart(props: {
  labels: string[];
  series: ChartSeries[];
  format: (value: number) => string;
  formatAxis: (value: number) => string;
  height?: number;
  testId?: string;
  /** What the x axis counts ("Day"), shown in the legend with the hovered label. */
  xLabel: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const { labels, series, format, formatAxis } = props;
  const height = props.height ?? 260;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const n = labels.length;
    // At most ~12 labels on the x axis, whatever the range.
    const step = Math.max(1, Math.ceil(n / 12));
    const xs = labels.map((_, i) => i);
    const bars = uPlot.paths.bars!({ size: [0.72, 56], radius: 0.18, align: 0 });
    const opts: uPlot.Options = {
      width: Math.max(200, el.clientWidth),
      height,
      padding: [12, 8, 0, 0],
      cursor: { points: { show: false }, drag: { x: false, y: false } },
      scales: {
        x: { time: false, range: [-0.5, n - 0.5] },
        y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 100] },
      },
      legend: { show: true, live: true },
      axes: [
        {
          stroke: '#6b645a',
          grid: { show: false },
          ticks: { show: false },
          splits: () => xs.filter((i) => i % step === 0),
          values: (_u, splits) => splits.map((i) => labels[i] ?? ''),
        },
        {
          stroke: '#6b645a',
          size: 72,
          grid: { stroke: '#ece8e1', width: 1 },
          ticks: { show: false },
          values: (_u, splits) => splits.map(formatAxis),
        },
      ],
      series: [
        { label: props.xLabel, value: (_u, i) => (i === null ? '—' : (labels[i] ?? '')) },
        ...series.map<uPlot.Series>((s) =>
          s.kind === 'bars'
            ? {
                label: s.label,
                fill: s.color,
                stroke: s.color,
                width: 0,
                paths: bars,
                points: { show: false },
                value: (_u, v) => (v === null ? '—' : format(v)),
              }
            : {
                label: s.label,
                stroke: s.color,
                width: 2,
                dash: [6, 4],
                points: { show: n <= 31, size: 6, fill: s.color },
                value: (_u, v) => (v === null ? '—' : format(v)),
              },
        ),
      ],
    };
    const plot = new uPlot(opts, [xs, ...series.map((s) => s.values)], el);
    const observer = new ResizeObserver(() => plot.setSize({ width: Math.max(200, el.clientWidth), height }));
    observer.observe(el);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [labels, series, format, formatAxis, height, props.xLabel]);

  return <div className="chart" ref={box} data-testid={props.testId} />;
}
