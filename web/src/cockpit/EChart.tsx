import * as echarts from 'echarts';
import { useEffect, useRef } from 'react';

/**
 * One ECharts chart in a React element: created on mount, given each new option, resized with
 * its box and disposed on unmount. The option replaces the previous one whole (`notMerge`), so
 * a series that disappears is not left drawn.
 */
export function EChart({
  option,
  label,
  testId,
}: {
  option: echarts.EChartsOption;
  label: string;
  testId?: string;
}) {
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
