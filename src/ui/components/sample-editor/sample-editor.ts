import { SampleEditor } from './sample-editor.component';

export { SampleEditor };

customElements.define('sc-sample-editor', SampleEditor);

declare global {
  interface HTMLElementTagNameMap {
    'sc-sample-editor': SampleEditor;
  }
}
