import { expose, proxy } from 'comlink';
import { provideFastKernels } from '../engine/fast/kernel-source';
import type { ExposedShapesApi } from '../shared/api';
import { fetchFastKernels } from '../engine/browser/fast-kernels';
import '../engine/browser/redraw-workers';
import { holdLifeLock } from './life-lock';
import { sendProblemsWithErrors } from './problem-transfer';
import { AppServiceImpl } from './services/app-service';
import { BackendServiceImpl } from './services/backend-service';
import { WorkerContext } from './services/context';
import { ImportServiceImpl } from './services/import-service';
import { InferenceServiceImpl } from './services/inference-service';
import { ModelServiceImpl } from './services/model-service';
import { ProjectServiceImpl } from './services/project-service';
import { SampleServiceImpl } from './services/sample-service';
import { TrainingServiceImpl } from './services/training-service';

sendProblemsWithErrors();
provideFastKernels(() => fetchFastKernels());
const alive = holdLifeLock(self.name);

// Small services composed around one shared context (the workspace, the current model, the training lock).
const context = new WorkerContext();
const backend = new BackendServiceImpl(context);
const training = new TrainingServiceImpl(context, backend);
const services: ExposedShapesApi = {
  app: proxy(new AppServiceImpl(context, backend, alive, training)),
  backend: proxy(backend),
  training: proxy(training),
  inference: proxy(new InferenceServiceImpl(context)),
  samples: proxy(new SampleServiceImpl(context)),
  imports: proxy(new ImportServiceImpl(context)),
  models: proxy(new ModelServiceImpl(context)),
  projects: proxy(new ProjectServiceImpl(context)),
};
expose(services);
