// The bundled dataset decoded in Node, as the CLI engine reads a folder (flow_from_directory order).
import { fileURLToPath } from 'node:url';
import { loadDataset, type Dataset } from '../../engine/data/dataset';
import { decodeFile, listFolder } from '../../engine/node/listing';

const ROOT = fileURLToPath(new URL('../../../public/data/shapes/', import.meta.url));

export async function loadBundled(): Promise<{ train: Dataset; test: Dataset }> {
  const train = await loadDataset(await listFolder(`${ROOT}train`), decodeFile);
  const test = await loadDataset(await listFolder(`${ROOT}test`), decodeFile, {
    classNames: train.classNames,
    size: train.size,
  });
  return { train, test };
}
