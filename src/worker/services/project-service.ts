import { DataError } from '../../engine/data/errors';
import { modelToFiles } from '../../engine/io/model-files';
import { projectToZip, type ProjectToSave } from '../../engine/io/project';
import type { OpenedProject, ProjectMode, ProjectService, ProjectSettings, ProjectSummary } from '../../shared/api';
import { transferBytes } from '../buffers';
import { checkProject, type CheckedProject } from '../project/check-project';
import { storeProject } from '../project/store-project';
import type { WorkerContext } from './context';

/**
 * The person's whole work as one project file, in and out. Opening takes two steps, as an import
 * does: `prepare` reads and checks all of the file, storing nothing; `commit` stores it.
 */
export class ProjectServiceImpl implements ProjectService {
  private pending?: { token: string; checked: CheckedProject };

  constructor(private readonly context: WorkerContext) {}

  async save(settings: ProjectSettings): Promise<ArrayBuffer> {
    const { samples: store, models } = this.context.workspace;
    const user = await store.list();
    const samples: ProjectToSave['samples'] = [];
    for (const { id, name, addedAt, className, split } of user.samples) {
      const { bytes, type } = await store.image(id);
      samples.push({ id, name, addedAt, className, split, type, bytes: new Uint8Array(bytes) });
    }
    const list = await models.list();
    const saved: ProjectToSave['models'] = [];
    for (const { id, name, mistakes, metadata } of list.models) {
      const { model } = (await models.load(id))!;
      try {
        saved.push({ id, name, ...(mistakes ? { mistakes } : {}), files: await modelToFiles(model, metadata) });
      } finally {
        model.dispose();
      }
    }
    const { classes, includeBundled, bundledSet } = user;
    const savedAt = new Date().toISOString();
    return transferBytes(
      projectToZip({
        savedAt,
        classes,
        includeBundled,
        bundledSet,
        settings,
        current: list.current,
        samples,
        models: saved,
      }),
    );
  }

  async prepare(name: string, bytes: ArrayBuffer): Promise<ProjectSummary> {
    this.pending = undefined;
    const checked = await checkProject(new Uint8Array(bytes), name);
    const token = crypto.randomUUID();
    this.pending = { token, checked };
    const { savedAt, classes, includeBundled, bundledSet, samples, models } = checked.project;
    const counts = { samples: samples.length, models: models.length };
    return { token, origin: name, savedAt, classes, includeBundled, bundledSet, ...counts };
  }

  async commit(token: string, mode: ProjectMode): Promise<OpenedProject> {
    this.context.assertIdle('open a project');
    const checked = this.pending?.token === token ? this.pending.checked : undefined;
    if (!checked) throw new DataError('', 'nothingToOpen');
    const { workspace } = this.context;
    const { added, current, changedSamples } = await storeProject(workspace, checked, mode);
    this.pending = undefined;
    workspace.trainingData.forget(changedSamples);
    if (current !== undefined) this.context.current.replace(current);
    const [dataset, models] = await Promise.all([workspace.trainingData.state(), workspace.models.list()]);
    return { dataset, models, added, ...(mode === 'replace' ? { settings: checked.project.settings } : {}) };
  }
}
