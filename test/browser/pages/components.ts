// Test page: the presentational components on their own, registered as the app registers them.
import '../../../src/ui/theme.css';
import '../../../src/ui/components/backend-panel/backend-panel';
import '../../../src/ui/components/class-names-dialog/class-names-dialog';
import '../../../src/ui/components/confirm-dialog/confirm-dialog';
import '../../../src/ui/components/confusion-matrix/confusion-matrix';
import '../../../src/ui/components/draw-pad/draw-pad';
import '../../../src/ui/components/drawing-pipeline/drawing-pipeline';
import '../../../src/ui/components/error-alert/error-alert';
import '../../../src/ui/components/first-run/first-run';
import '../../../src/ui/components/line-chart/line-chart';
import '../../../src/ui/components/model-input/model-input';
import '../../../src/ui/components/pending-run/pending-run';
import '../../../src/ui/components/prediction-grid/prediction-grid';
import '../../../src/ui/components/probability-bars/probability-bars';
import '../../../src/ui/components/project-panel/project-panel';
import '../../../src/ui/components/refused-list/refused-list';
import '../../../src/ui/components/split-picker/split-picker';
import '../../../src/ui/components/storage-status/storage-status';
import { formatPercent } from '../../../src/ui/format';
import { loadInitialLocale, setLocale, type Locale } from '../../../src/ui/i18n/i18n';

const components = {
  /** Puts a fresh `tag` on the stage with these properties and waits for it to render. */
  async mount(tag: string, properties: Record<string, unknown>): Promise<void> {
    const element = document.createElement(tag) as HTMLElement & { updateComplete: Promise<unknown> };
    Object.assign(element, properties);
    document.getElementById('stage')!.replaceChildren(element);
    await element.updateComplete;
  },
  /** Sets properties on the mounted component and waits for it to render. */
  async update(properties: Record<string, unknown>): Promise<void> {
    const element = document.getElementById('stage')!.firstElementChild as HTMLElement & {
      updateComplete: Promise<unknown>;
    };
    Object.assign(element, properties);
    await element.updateComplete;
  },
  setLocale: (locale: Locale) => setLocale(locale),
  /** Formatters a test can ask for by name (functions do not cross Playwright's evaluate). */
  formats: { percent: (value: number) => formatPercent(value, 0) },
};

declare global {
  interface Window {
    components: typeof components;
    componentsReady: boolean;
  }
}

window.components = components;
await loadInitialLocale();
window.componentsReady = true;
