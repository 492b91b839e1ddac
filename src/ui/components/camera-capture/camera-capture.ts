import { CameraCapture } from './camera-capture.component';

export { CameraCapture };

customElements.define('sc-camera-capture', CameraCapture);

declare global {
  interface HTMLElementTagNameMap {
    'sc-camera-capture': CameraCapture;
  }
}
