import { LayerDiagram } from './layer-diagram.component';

export { LayerDiagram };

customElements.define('sc-layer-diagram', LayerDiagram);

declare global {
  interface HTMLElementTagNameMap {
    'sc-layer-diagram': LayerDiagram;
  }
}
