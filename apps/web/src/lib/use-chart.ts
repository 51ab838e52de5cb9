import { useEffect, useRef, useState } from 'react';
import type { EChartsCoreOption } from 'echarts/core';

/**
 * Draws an ECharts option into the returned box, loading ECharts only now, so pages without charts
 * never download it. `failed` turns true when the chunk cannot load (slow or lost connection): the
 * caller then shows only the table of the same figures that every chart carries beside it.
 */
export function useChart(option: EChartsCoreOption) {
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let disposed = false;
    let chart: { dispose(): void; resize(): void } | null = null;
    const onResize = () => chart?.resize();
    void import('./echarts-core.ts')
      .then(({ echarts }) => {
        if (disposed || !box.current) return;
        const c = echarts.init(box.current, undefined, { renderer: 'svg' });
        c.setOption(option);
        chart = c;
        window.addEventListener('resize', onResize);
      })
      .catch(() => setFailed(true));
    return () => {
      disposed = true;
      window.removeEventListener('resize', onResize);
      chart?.dispose();
    };
  }, [option]);
  return { box, failed };
}
