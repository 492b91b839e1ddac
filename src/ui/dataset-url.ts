import { DATASET_ROOT } from '../shared/api';

/** The URL of a bundled dataset image, from its path in the dataset's index. */
export const datasetImageUrl = (path: string): string => `${import.meta.env.BASE_URL}${DATASET_ROOT}${path}`;
