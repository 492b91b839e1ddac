import { html, nothing } from 'lit';
import { t } from '../../i18n/i18n';
import type { SplitName } from '../../../shared/api';
import '../backend-panel/backend-panel';
import '../dataset-view/dataset-view';
import '../import-panel/import-panel';
import '../model-library/model-library';
import '../model-view/model-view';
import '../predict-panel/predict-panel';
import '../results-view/results-view';
import '../sample-capture/sample-capture';
import '../sample-editor/sample-editor';
import '../train-panel/train-panel';
import type { ShapeApp } from './shape-app.component';

/** The app's views, in the order of the tab list. */
export const TABS = ['train', 'predict', 'dataset', 'models'] as const;
export type Tab = (typeof TABS)[number];

/** The tab named in the address (#dataset…), so a reload or a bookmark opens the same view. */
export const tabFromHash = (): Tab => TABS.find((tab) => location.hash === `#${tab}`) ?? 'train';

const count = (app: ShapeApp, split: SplitName): number =>
  Object.values(app.index?.splits[split] ?? {}).reduce((n, files) => n + files.length, 0);

/** The classes a sample can go to: the person's own and, when it is included, the starter set's. */
function sampleClasses(app: ShapeApp): string[] {
  const user = app.data.dataset;
  const bundled = user?.includeBundled ? (app.index?.classes ?? []) : [];
  return [...new Set([...(user?.classes ?? []), ...bundled])].sort();
}

/** Training images per epoch (the person's and, if included, the starter set's), for the log's batch count. */
function trainCount(app: ShapeApp): number {
  const user = app.data.dataset;
  const mine = user?.samples.filter((s) => s.split === 'train').length ?? 0;
  return mine + (user?.includeBundled === false ? 0 : count(app, 'train'));
}

/** Arrow keys, Home and End move between tabs and show them, as in the ARIA tabs pattern. */
async function onKey(app: ShapeApp, event: KeyboardEvent): Promise<void> {
  const at = TABS.indexOf(app.tab);
  const next = ({ ArrowRight: at + 1, ArrowLeft: at - 1 + TABS.length, Home: 0, End: TABS.length - 1 } as Record<string, number>)[event.key];
  if (next === undefined) return;
  event.preventDefault();
  app.select(TABS[next % TABS.length]!);
  await app.updateComplete;
  app.renderRoot.querySelector<HTMLElement>(`#tab-${app.tab}`)?.focus();
}

/** The tab list: only the chosen tab is in the Tab order; arrow keys reach the others. */
export function renderTabList(app: ShapeApp) {
  return html`
    <div role="tablist" aria-label=${t('tabs.label')} @keydown=${(e: KeyboardEvent) => onKey(app, e)}>
      ${TABS.map(
        (tab) => html`
          <button type="button" role="tab" id="tab-${tab}" aria-controls="panel-${tab}" aria-selected=${tab === app.tab ? 'true' : 'false'}
            tabindex=${tab === app.tab ? 0 : -1} @click=${() => app.select(tab)}>${t(`tabs.${tab}`)}</button>
        `,
      )}
    </div>
  `;
}

/** Every tab's panel; a tab's content is rendered once it has been shown (then kept while hidden). */
export function renderTabPanels(app: ShapeApp) {
  return TABS.map(
    (tab) => html`
      <section role="tabpanel" id="panel-${tab}" aria-labelledby="tab-${tab}" class="panels ${tab}" ?hidden=${tab !== app.tab}>
        ${app.visited.has(tab) ? renderTab(app, tab) : nothing}
      </section>
    `,
  );
}

/**
 * One tab's cards, from the shell's state: two columns on wide screens, one on narrow ones
 * (the cards then follow in this order).
 */
function renderTab(app: ShapeApp, tab: Tab) {
  const saved = app.saved;
  const classes = saved?.metadata.classNames ?? app.index?.classes ?? [];
  switch (tab) {
    case 'train':
      return html`
        <div class="column">
          <sc-train-panel class="card" .ready=${!!app.index} .training=${app.training} .progress=${app.progress} .history=${app.history}
            .trainCount=${trainCount(app)} .outcome=${app.outcome} .previews=${app.data.previews}></sc-train-panel>
        </div>
        <div class="column">
          <sc-results-view class="card" .evaluation=${app.evaluation} .split=${app.evaluatedSplit} .hasModel=${!!saved}
            .hardSplit=${classes.some((name) => app.index?.classes.includes(name))} .images=${app.data.images}
            .busy=${app.evaluating || app.training}></sc-results-view>
          <sc-backend-panel class="card" .report=${app.backend.report} .calibration=${app.backend.calibration ?? app.backend.report?.calibration}
            .choice=${app.backend.choice} .activity=${app.backend.activity} .training=${app.training}></sc-backend-panel>
        </div>
      `;
    case 'predict':
      return html`
        <div class="column">
          <sc-predict-panel class="card" .hasModel=${!!saved} .paused=${app.training} .classes=${classes}
            .prediction=${app.prediction} .samples=${app.testImages}></sc-predict-panel>
        </div>
        <div class="column">
          <sc-model-view class="card" .summary=${app.summary} .name=${saved?.name ?? ''}
            .inputSize=${saved?.metadata.inputSize ?? app.index?.imageSize ?? [24, 24]}></sc-model-view>
        </div>
      `;
    case 'dataset':
      return html`
        <div class="column">
          <sc-sample-capture class="card" .classes=${sampleClasses(app)} .added=${app.data.added}></sc-sample-capture>
          <sc-import-panel class="card" .summary=${app.data.summary} .busy=${app.data.importing} .imported=${app.data.imported}
            .canExport=${!!app.data.dataset?.samples.length}></sc-import-panel>
        </div>
        <div class="column">
          <sc-sample-editor class="card" .userData=${app.data.dataset} .classes=${sampleClasses(app)} .images=${app.data.images}></sc-sample-editor>
          <sc-dataset-view class="card" .index=${app.index} .include=${app.data.dataset?.includeBundled ?? true}></sc-dataset-view>
        </div>
      `;
    case 'models':
      return html`
        <sc-model-library class="card wide" .list=${app.models.list} .busy=${app.models.busy || app.training}></sc-model-library>
      `;
  }
}
