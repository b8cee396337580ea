// Only the ECharts parts the console draws with, so the bundle stays small (tree-shaken core).
import { use } from 'echarts/core';
import { BarChart, LineChart, PieChart, SankeyChart } from 'echarts/charts';
import { DataZoomComponent, DatasetComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, LineChart, PieChart, SankeyChart, GridComponent, TooltipComponent, LegendComponent, DatasetComponent, DataZoomComponent, CanvasRenderer]);

// Views use the console's chart (number format of the operator's language) under the usual name.
export { default as VChart } from './CoopChart.vue';
