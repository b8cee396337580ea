// Only the ECharts parts the console draws with, so the bundle stays small (tree-shaken core).
import { use } from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { DatasetComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, LineChart, PieChart, GridComponent, TooltipComponent, LegendComponent, DatasetComponent, CanvasRenderer]);

// Views use the console's chart (number format of the operator's language) under the usual name.
export { default as VChart } from './CoopChart.vue';
