import { decodeImage } from '../../engine/browser/decode';
import { DataError } from '../../engine/data/errors';
import { pixelHash } from '../../engine/data/pixel-hash';
import { modelFromFiles } from '../../engine/io/model-files';
import { PROJECT_JSON } from '../../engine/io/project-manifest';
import { readProject, type Project } from '../../engine/io/project';
import { checkClassName } from '../stores/sample-store';

/** A project read and checked in full: nothing in it can fail to store but the storage itself. */
export interface CheckedProject {
  origin: string;
  project: Project;
  /** Each sample's pixel fingerprint, in `project.samples` order. */
  hashes: string[];
}

/** A class name as the sample store would refuse it, named by where it came from. */
function checkedName(name: string, subject: string): string {
  try {
    return checkClassName(name);
  } catch (error) {
    if (error instanceof DataError) throw new DataError(subject, error.problem.code, error.problem.params);
    throw error;
  }
}

/**
 * Reads a project file and checks everything in it before anything is stored: the layout and
 * project.json, every class name, every image (decoded), every model (built, then released).
 */
export async function checkProject(bytes: Uint8Array, origin: string): Promise<CheckedProject> {
  const project = readProject(bytes, origin);
  const hashes: string[] = [];
  for (const sample of project.samples) {
    const subject = `${origin}/${sample.path}`;
    sample.className = checkedName(sample.className, subject);
    hashes.push(await pixelHash(await decodeImage(sample.bytes, subject)));
  }
  // The samples' classes are among these: a bad name left is one project.json lists.
  project.classes = project.classes.map((name) => checkedName(name, `${origin}/${PROJECT_JSON}`));
  for (const { files, origin: folder } of project.models) {
    const { model } = await modelFromFiles(files, folder);
    model.dispose();
  }
  return { origin, project, hashes };
}
