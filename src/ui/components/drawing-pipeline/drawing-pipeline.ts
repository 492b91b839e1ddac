import { DrawingPipeline } from './drawing-pipeline.component';

export { DrawingPipeline };

customElements.define('sc-drawing-pipeline', DrawingPipeline);

declare global {
  interface HTMLElementTagNameMap {
    'sc-drawing-pipeline': DrawingPipeline;
  }
}
