import { expose } from 'comlink';
import type { ShapesApi } from '../shared/api';
import { ShapesService } from './service';

expose(new ShapesService() satisfies ShapesApi);
