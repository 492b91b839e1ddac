import { enApp } from './en/app';
import { enDataset } from './en/dataset';
import { enPredict } from './en/predict';
import { enResults } from './en/results';
import { enTraining } from './en/training';

/**
 * English messages: the reference dictionary, gathered from its parts by area. Every other locale
 * must have exactly these keys (`Messages`), and `{name}` placeholders become typed parameters of `t()`.
 */
export const en = { ...enApp, ...enTraining, ...enResults, ...enDataset, ...enPredict } as const;
