import { expose } from 'comlink';
import { provideFastKernels } from '../engine/fast/kernel-source';
import type { ShapesApi } from '../shared/api';
import { fetchFastKernels } from './browser/fast-kernels';
import { sendProblemsWithErrors } from './problem-transfer';
import { ShapesService } from './service';

sendProblemsWithErrors();
provideFastKernels(() => fetchFastKernels());
expose(new ShapesService() satisfies ShapesApi);
