import { BarChart, type BarSeriesOption, GaugeChart, type GaugeSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the wall draws, so the rest of ECharts stays out of the console's bundle.
echarts.use([BarChart, GaugeChart, GridComponent, LegendComponent, CanvasRenderer]);

export type ChartOption = echarts.ComposeOption<
  BarSeriesOption | GaugeSeriesOption | GridComponentOption | LegendComponentOption
>;

/**
 * One ECharts chart in a React element: created on mount, given each new option, resized with
 * its box and disposed on unmount. The option replaces the previous one whole (`notMerge`), so
 * a series that disappears is not left drawn.
 */
export function EChart({ option, label, testId }: { option: ChartOption; label: string; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = box.current!;
    const instance = echarts.init(el, null, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} className="cockpit-chart" role="img" aria-label={label} data-testid={testId} />;
}
