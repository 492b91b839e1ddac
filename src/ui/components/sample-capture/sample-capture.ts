import { SampleCapture } from './sample-capture.component';

export { SampleCapture };

customElements.define('sc-sample-capture', SampleCapture);

declare global {
  interface HTMLElementTagNameMap {
    'sc-sample-capture': SampleCapture;
  }
}
