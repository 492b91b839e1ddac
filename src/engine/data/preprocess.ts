import { PLAIN_RESIZE, type Preprocess, type TrainSettings } from '../../shared/settings';
import { fitFrame } from './fit-frame';
import { toModelInput, type RgbaImage } from './pixels';

/**
 * The preprocessing a model trained with these settings applies to every image it sees. A model
 * trained on drawings redrawn at every angle (rotations of ±90° or more) is asked about the drawing
 * at four quarter turns and answers their mean.
 */
export const preprocessFor = (settings: Pick<TrainSettings, 'fitFrame' | 'redraw'>): Preprocess => {
  if (!settings.fitFrame) return PLAIN_RESIZE;
  const turned = settings.redraw && settings.redraw.rotationRange >= 90;
  return turned ? { fitFrame: settings.fitFrame, averageTurns: true } : { fitFrame: settings.fitFrame };
};

/** A model's recorded preprocessing; models from before it was recorded used the plain resize. */
export const preprocessOf = (metadata: { preprocess?: Preprocess }): Preprocess => metadata.preprocess ?? PLAIN_RESIZE;

/**
 * One image as the model sees it: fitted to the frame if the model was trained so (an image with no
 * ink to find is resized whole), then composited on white, resized and rescaled by 1/255.
 */
export function modelInput(image: RgbaImage, size: readonly [number, number], preprocess: Preprocess): Float32Array {
  const fitted = preprocess.fitFrame ? fitFrame(image, preprocess.fitFrame) : null;
  return toModelInput(fitted ?? image, size);
}

/** A stable key for caches of preprocessed images. */
export const preprocessKey = (preprocess: Preprocess): string => JSON.stringify(preprocess.fitFrame);
