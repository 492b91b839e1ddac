import { ShapeApp } from './shape-app.component';

export { ShapeApp };

customElements.define('sc-shape-app', ShapeApp);

declare global {
  interface HTMLElementTagNameMap {
    'sc-shape-app': ShapeApp;
  }
}
