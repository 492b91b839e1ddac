// What the Models tab tests share: reading the library, exporting and importing as a person does,
// and what an exported model predicts for the inputs Keras and ONNX Runtime are given.
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import type { Page } from 'playwright-core';
import { modelFromZip } from '../../src/engine/io/model-zip';
import { tempDir } from '../helpers/images';
import { modelInputs, predict, type Inputs } from '../python/consumers';

/** The library's rows: each model's name, with "In use" for the current one. */
export const rows = (page: Page) =>
  page
    .locator('sc-model-library tbody tr')
    .evaluateAll((trs) => trs.map((tr) => tr.querySelector('th')!.textContent!.replace(/\s+/g, ' ').trim()));

/** Exports the selected model from its details in one format, as a person does; returns the download. */
export async function exportModel(
  page: Page,
  format = 'TensorFlow.js (.zip)',
): Promise<{ name: string; bytes: Buffer }> {
  await page.getByLabel('Export as').selectOption({ label: format });
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.getByRole('button', { name: 'Export', exact: true }).click(),
  ]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

/** The id of the element that has the focus, however deep in shadow roots. */
export const focusedId = (page: Page) =>
  page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return element?.id;
  });

export const chooseModelFile = (page: Page, name: string, bytes: Uint8Array) =>
  page.locator('sc-model-library input[type=file]').setInputFiles({ name, mimeType: '', buffer: Buffer.from(bytes) });

/** Inputs for the real consumers, written in a new temp folder (tfjs runs on its reference CPU backend here). */
export async function consumerInputs(): Promise<{ dir: string; inputs: Inputs }> {
  await tf.setBackend('cpu');
  const dir = tempDir('shapes-ui-models-');
  return { dir, inputs: modelInputs(dir) };
}

/** What the model in a TensorFlow.js .zip predicts for the inputs: the app's model, weight for weight. */
export async function zipProbabilities(bytes: Uint8Array, inputs: Inputs): Promise<number[][]> {
  const { model } = await modelFromZip(bytes, 'exported.zip');
  const probabilities = await predict(model, inputs);
  model.dispose();
  return probabilities;
}
