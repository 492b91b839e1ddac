import { expose } from 'comlink';
import type { ShapesApi } from '../shared/api';
import { sendProblemsWithErrors } from './problem-transfer';
import { ShapesService } from './service';

sendProblemsWithErrors();
expose(new ShapesService() satisfies ShapesApi);
