/**
 * A bar chart (ECharts, only the parts a bar chart needs, so the dashboard's chunk stays small). The chart is a
 * picture of the table beside it: it is hidden from assistive technology, which reads the table instead.
 */
import { useEffect, useRef } from 'react';
import { BarChart as Bars } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([Bars, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface BarSeries {
  name: string;
  values: (number | null)[];
}

export function BarChart({ categories, series }: { categories: string[]; series: BarSeries[] }) {
  const element = useRef<HTMLDivElement>(null);
  // Drawn again only when what it shows changes, not on every render of the page.
  const drawn = JSON.stringify({ categories, series });
  useEffect(() => {
    const { categories, series } = JSON.parse(drawn) as { categories: string[]; series: BarSeries[] };
    const chart = echarts.init(element.current!);
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 32, bottom: 48 },
      xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: categories.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value' },
      series: series.map((s) => ({ type: 'bar', name: s.name, data: s.values })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [drawn]);
  return <div ref={element} aria-hidden="true" data-testid="bar-chart" style={{ height: 260, width: '100%' }} />;
}
