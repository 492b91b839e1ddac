import { html, nothing } from 'lit';
import { modelName } from '../../format';
import { t } from '../../i18n/i18n';
import type { ShapeApp } from './shape-app.component';

/** The app's views, in the order of the tab list. */
export const TABS = ['train', 'predict', 'dataset', 'models'] as const;
export type Tab = (typeof TABS)[number];

/**
 * Each tab's components, loaded the first time it is shown: the page starts with the code of the
 * tab it opens on. Elements rendered before their definition arrives are upgraded when it does,
 * keeping the properties already set on them.
 */
const PARTS: Record<Tab, () => Promise<unknown>> = {
  train: () => import('./tab-parts/train'),
  predict: () => import('./tab-parts/predict'),
  dataset: () => import('./tab-parts/dataset'),
  models: () => import('./tab-parts/models'),
};

export const loadTab = (tab: Tab): Promise<unknown> => PARTS[tab]();

/** The tab named in the address (#dataset…), so a reload or a bookmark opens the same view. */
export const tabFromHash = (): Tab => TABS.find((tab) => location.hash === `#${tab}`) ?? 'train';

/** Dataset images offered as test inputs on the Predict tab: the starter set's test and hard splits. */
const testImages = (app: ShapeApp): string[] =>
  Object.values({ ...app.bundled?.splits.test })
    .concat(Object.values({ ...app.bundled?.splits.hard }))
    .flat();

/** Arrow keys, Home and End move between tabs and show them, as in the ARIA tabs pattern. */
async function onKey(app: ShapeApp, event: KeyboardEvent): Promise<void> {
  const at = TABS.indexOf(app.tab);
  const next = (
    { ArrowRight: at + 1, ArrowLeft: at - 1 + TABS.length, Home: 0, End: TABS.length - 1 } as Record<string, number>
  )[event.key];
  if (next === undefined) return;
  event.preventDefault();
  await app.showTab(TABS[next % TABS.length]!);
}

/** The tab list: only the chosen tab is in the Tab order; arrow keys reach the others. */
export function renderTabList(app: ShapeApp) {
  return html`
    <div role="tablist" aria-label=${t('tabs.label')} @keydown=${(e: KeyboardEvent) => onKey(app, e)}>
      ${TABS.map(
        (tab) => html`
          <button type="button" role="tab" id="tab-${tab}" aria-controls="panel-${tab}"
            aria-selected=${tab === app.tab ? 'true' : 'false'} tabindex=${tab === app.tab ? 0 : -1}
            @click=${() => app.select(tab)}>${t(`tabs.${tab}`)}</button>
        `,
      )}
    </div>
  `;
}

/** Every tab's panel; a tab's content is rendered once it has been shown (then kept while hidden). */
export function renderTabPanels(app: ShapeApp) {
  return TABS.map(
    (tab) => html`
      <section role="tabpanel" id="panel-${tab}" aria-labelledby="tab-${tab}" class="panels ${tab}"
        ?hidden=${tab !== app.tab}>
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
  const { training: run, data } = app;
  const saved = app.models.current;
  const classes = saved?.metadata.classNames ?? app.bundled?.classes ?? [];
  const sampleClasses = data.state?.classes ?? [];
  // An automatic choice on a device never measured measures before the first batch of a run.
  const measuring = run.training && !run.progress && app.backend.choice === 'auto' && !app.backend.report?.calibration;
  switch (tab) {
    case 'train':
      return html`
        ${
          app.firstRun && !(saved && app.visited.has('predict'))
            ? html`<sc-first-run class="card wide" .hasModel=${!!saved} .accuracy=${saved?.metadata.evaluation?.accuracy}
                .training=${run.training} .measuring=${measuring} .progress=${run.progress}
                .ready=${!!app.bundled && !app.restarting} .trainCount=${data.state?.counts.train ?? 0}></sc-first-run>`
            : nothing
        }
        <div class="column">
          <sc-pending-run class="card" ?hidden=${!run.pending} .run=${run.pending ?? undefined}
            .busy=${run.settling || run.training}></sc-pending-run>
          <sc-train-panel class="card" .ready=${!!app.bundled && !app.restarting} .training=${run.training}
            .progress=${run.progress} .measuring=${measuring}
            .history=${run.history} .trainCount=${data.state?.counts.train ?? 0} .outcome=${run.outcome}
            .previews=${data.previews} .restored=${app.project.settings}></sc-train-panel>
        </div>
        <div class="column">
          <sc-results-view class="card" .evaluation=${run.evaluation} .split=${run.evaluatedSplit} .hasModel=${!!saved}
            .hardSplit=${classes.some((name) => app.bundled?.classes.includes(name))} .images=${data.images}
            .busy=${run.evaluating || run.training}></sc-results-view>
          <sc-backend-panel class="card" .report=${app.backend.report} .calibration=${app.backend.report?.calibration}
            .choice=${app.backend.choice} .activity=${app.backend.activity} .threadLimit=${app.backend.threads}
            .training=${run.training}></sc-backend-panel>
        </div>
      `;
    case 'predict':
      return html`
        <div class="column">
          <sc-predict-panel class="card" .hasModel=${!!saved} .paused=${run.training} .classes=${classes}
            .prediction=${app.prediction.prediction} .batch=${app.prediction.batch}
            .samples=${testImages(app)}></sc-predict-panel>
        </div>
        <div class="column">
          <sc-model-view class="card" .summary=${run.summary} .name=${saved ? modelName(saved) : ''}
            .inputSize=${saved?.metadata.inputSize ?? app.bundled?.imageSize ?? [24, 24]}></sc-model-view>
        </div>
      `;
    case 'dataset':
      return html`
        <div class="column">
          <sc-sample-capture class="card" .classes=${sampleClasses} .added=${data.added}></sc-sample-capture>
          <sc-import-panel class="card" .summary=${data.summary} .busy=${data.importing} .progress=${data.importProgress} .imported=${data.imported}
            .canExport=${!!data.state?.user.samples.length}></sc-import-panel>
        </div>
        <div class="column">
          <sc-sample-editor class="card" .userData=${data.state?.user} .classes=${sampleClasses}
            .images=${data.images}></sc-sample-editor>
          <sc-dataset-view class="card" .index=${app.bundled} .starter=${app.starter}
            .include=${data.state?.user.includeBundled ?? true} .set=${data.state?.user.bundledSet ?? 'starter'}></sc-dataset-view>
          <sc-storage-status class="card" .state=${app.storage.state}></sc-storage-status>
        </div>
      `;
    case 'models':
      return html`
        <sc-project-panel class="card wide" .pending=${app.project.pending} .status=${app.project.status}
          .busy=${app.project.busy || app.models.busy || run.training}></sc-project-panel>
        <sc-model-library class="card wide" .list=${app.models.list} .busy=${app.models.busy || run.training}
          .activity=${app.models.activity} .classRequest=${app.models.classRequest}
          .classes=${sampleClasses}></sc-model-library>
      `;
  }
}
