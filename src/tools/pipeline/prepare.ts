// The preprocessing pipeline under test: (stored resolution) → fit to frame → 24 × 24 model input.
import type { Dataset } from '../../engine/data/dataset';
import { fitFrame, type FitFrameOptions } from '../../engine/data/fit-frame';
import { toModelInput, type RgbaImage } from '../../engine/data/pixels';
import { INPUT_SIZE } from '../../shared/api';
import { resample, toRgba, type GreyImage } from './grey';

export interface Pipeline {
  /** Fit the drawing to the frame before the resize; null resizes the whole image as Keras does. */
  fit: FitFrameOptions | null;
  /** Training drawings are first stored at this square resolution, as a bundle would keep them. */
  store?: number;
}

export interface Prepared {
  dataset: Dataset;
  /** The drawings as stored (grey, at the stored resolution), for redrawing during training. */
  sources: GreyImage[];
  /** Images in which fit-to-frame found no ink (they were resized whole instead). */
  blank: number;
}

/** One image as the model sees it; `blank` is set when fit-to-frame found no ink. */
export function modelInput(image: RgbaImage, pipeline: Pipeline): { input: Float32Array; blank: boolean } {
  const fitted = pipeline.fit ? fitFrame(image, pipeline.fit) : image;
  return { input: toModelInput(fitted ?? image, INPUT_SIZE, 'area'), blank: fitted === null };
}

export interface Labelled {
  className: string;
  image: GreyImage | RgbaImage;
}

const isGrey = (image: GreyImage | RgbaImage) => image.data.length === image.width * image.height;

/** A dataset of the given images through the pipeline; `stored` applies the bundle's resolution. */
export function prepare(
  items: readonly Labelled[],
  classNames: readonly string[],
  pipeline: Pipeline,
  stored = false,
): Prepared {
  const pixels = INPUT_SIZE[0] * INPUT_SIZE[1] * 3;
  const images = new Float32Array(items.length * pixels);
  const labels = new Int32Array(items.length);
  let blank = 0;
  const sources: GreyImage[] = [];
  items.forEach((item, i) => {
    let image = item.image;
    if (isGrey(image)) {
      const grey = stored && pipeline.store ? resample(image as GreyImage, pipeline.store) : (image as GreyImage);
      sources.push(grey);
      image = toRgba(grey);
    }
    const result = modelInput(image as RgbaImage, pipeline);
    images.set(result.input, i * pixels);
    if (result.blank) blank++;
    const label = classNames.indexOf(item.className);
    if (label < 0) throw new Error(`class ${item.className} is not one of ${classNames.join(', ')}`);
    labels[i] = label;
  });
  const dataset: Dataset = {
    classNames: [...classNames],
    size: [INPUT_SIZE[0], INPUT_SIZE[1]],
    files: [],
    labels,
    images,
  };
  return { dataset, sources, blank };
}
