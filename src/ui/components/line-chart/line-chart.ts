import { LineChart } from './line-chart.component';

export { LineChart };

customElements.define('sc-line-chart', LineChart);

declare global {
  interface HTMLElementTagNameMap {
    'sc-line-chart': LineChart;
  }
}
