// Only the ECharts parts the console draws with, so the bundle stays small (tree-shaken core).
// Imported by CoopChart.vue alone: every chart registers the same parts and the whole of ECharts
// lands in one shared chunk (a view importing this file separately split it into two).
import { use } from 'echarts/core';
import { BarChart, LineChart, PieChart, SankeyChart } from 'echarts/charts';
import { DataZoomComponent, DatasetComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, LineChart, PieChart, SankeyChart, GridComponent, TooltipComponent, LegendComponent, DatasetComponent, DataZoomComponent, CanvasRenderer]);
