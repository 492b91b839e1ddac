/**
 * What can be wrong with a person's files, folders, classes or models, by code, in English: the
 * CLI's words, and the app's in English. The app loads this only when it has a problem to show.
 */
export const PROBLEMS = {
  emptyFile: 'empty file (0 bytes)',
  fileTooLarge: 'file too large ({bytes} bytes; the limit is {limit})',
  unreadableFile: 'file not found or unreadable',
  notImage: 'not a PNG or JPEG image',
  notImageFile: 'not a PNG or JPEG image (supported: {extensions})',
  svgImage: 'SVG drawings are not supported: export them as PNG',
  gifImage: 'GIF images are not supported: save it as PNG (of an animation, its first frame)',
  webpImage: 'WebP images are not supported: save it as PNG or JPEG',
  zeroSize: 'corrupt {format}: zero size',
  imageTooLarge: 'image too large ({width}x{height}; the limit is {megapixels} megapixels)',
  noPngHeader: 'corrupt PNG: missing IHDR header',
  noJpegFrame: 'corrupt JPEG: no frame header',
  corruptImage: 'corrupt {format}: {detail}',
  undecodable: 'corrupt {format}: the browser cannot decode it',
  photoNotPaper:
    'this does not look like a drawing on paper: photograph the sheet so that it fills most of the picture',
  photoBlank: 'no drawing found on this photo: draw with a dark pen and keep the whole drawing inside the picture',
  photoCluttered:
    'too much besides one drawing on this photo (several drawings, writing or squared paper): photograph one drawing on plain paper',
  notPixels: 'not a {width}x{height} RGBA image ({bytes} bytes)',
  notCached: 'cannot be read (offline and not cached?)',

  folderNotFound: 'folder not found',
  notFolder: 'not a folder',
  nestedFolder: 'nested folder: images must sit directly in their class folder',
  noClassFolders: 'no class sub-folders (expected one folder per class, e.g. circle/, triangle/)',
  emptyClassFolder: 'no images in this class folder',
  unknownClass: "class '{name}' is not one the model knows (classes: {classes})",
  unknownBundledSet: "no bundled set is called '{name}' (starter, starter-shapes or tutorial)",
  outsideSplits:
    'outside train/ and test/: a dataset with train/ must keep every image in train/<class>/ or test/<class>/',
  notInClass: 'not inside a class folder (expected <class>/<image>)',
  appearsTwice: 'appears twice',
  duplicateImage: 'the same image as {of}: skipped',
  unsafePath: 'unsafe path (absolute, or with ..): refused',
  linkLoop: 'a link back to a folder that contains it: refused',
  brokenLink: 'a link to something that does not exist',
  noClasses: 'no class folders with images (expected <class>/<image> or train/<class>/<image>)',
  classCase: "classes '{other}' and '{name}' differ only in case: rename one (Windows and macOS would see one folder)",
  oneClass: "only one class ('{name}'): a classifier needs at least two",
  noTrainingImages: 'no training images in this class',

  notZip: 'not a valid .zip file ({detail})',
  zipDuplicate: 'appears twice in the archive',
  zipNameEncoding: 'file name is not UTF-8 (nor Korean EUC-KR): zip the folder again with a current tool',
  zipTooManyFiles: 'holds more than {limit} files',
  zipTooLarge: 'expands to more than {mib} MiB',
  nothingPending: 'there is no stopped or interrupted run to keep',
  nothingToImport: 'nothing to import: prepare the import again',
  nothingNew: 'nothing new: all {count} images are already stored',
  importFailed: 'could not be imported ({detail}); nothing from it was stored',
  importNoSpace: 'could not be imported (not enough storage space on this device); nothing from it was stored',

  classNameEmpty: 'class name: must not be empty',
  classNameTooLong: "class name: '{name}' is longer than {limit} characters",
  classNameFolder: "class name: '{name}' cannot be a folder name",
  classExists: "class name: '{name}' already exists",
  classMissing: "class name: '{name}' does not exist",
  sampleMissing: 'sample {id}: not found',
  tooFewClasses: 'dataset: needs at least two classes: add a class, or include the starter set',
  classWithoutTraining: "class '{name}': has no training images: add some, or remove the class",

  deviceLost:
    'the GPU stopped working during training ({backend} device lost); the app starts its worker again: train again on WebAssembly SIMD or another backend. What was stored is intact, and the last checkpoint of this run is kept',
  diverged:
    'training diverged at epoch {epoch} (loss {loss}, worse than guessing): the learning rate {rate} is too large; try a smaller one such as {suggestion}. Nothing was saved',
  upgradedElsewhere:
    'A newer version of the app opened in another tab: reload this tab to go on (everything stored is kept)',
  trainingElsewhere: 'Another tab of this app is training: wait for it to finish, or stop it there',
  modelMissing: 'model {id}: not found',
  modelNameEmpty: 'model name: must not be empty',
  modelNotSaved: 'Could not save the model on this device: {detail}',
  modelNotSavedFilesLeft:
    'Could not save the model on this device: {detail}; its partial files could not be removed either ({cleanup}): they will be removed the next time the app opens',
  modelFilesLeft:
    "The model '{name}' was deleted, but its files could not be removed ({detail}): they will be removed the next time the app opens",
  sweepFailed: 'Could not remove the files of deleted or unsaved models ({detail}); the app tries again next time',
  modelUnloadable: "The saved model '{name}' cannot be loaded ({detail}); delete it",
  modelZipFolder: 'unexpected folder in a model archive',
  missingFile: 'missing file',
  missingWeights: 'missing weights file',
  notJson: 'not valid JSON',
  notLayersModel: 'not a TensorFlow.js layers model (no modelTopology or weightsManifest)',
  weightsSize: 'holds {bytes} bytes, model.json expects {expected}',
  modelUnbuildable: 'cannot build the model: {detail}',
  kerasUnsupported: "layer '{layer}' ({type}): {detail}; the app runs only the tutorial's CNN ({tutorial})",
  kerasClassNames: 'the file does not name its {classes} classes: give their names in output order',
  kerasClassCount: '{given} class names given for a model with {classes} outputs',
  kerasCorrupt: 'not a readable Keras file: {detail}',
  hdf5Unavailable:
    'Keras files need HDF5 support (about 1 MB), which the app downloads the first time it reads or writes one: connect to the network once and try again',
  notMetadata: 'not a metadata object',
  metadataClasses: 'classNames must list at least two class names',
  metadataInputSize: 'inputSize must be [height, width]',
  metadataData: "data must be {train, test, own} image counts and bundled: a bundled set's name or null",
  metadataHardAccuracy: 'hardAccuracy must be a number from 0 to 1',
  metadataPreprocess:
    'preprocess must be {fitFrame: null} or {fitFrame: {margin, minContrast, inkFraction, speckFraction, levels, maxAspect?}} with maxAspect at least 1, and averageTurns, if present, false or (for a square input) true',
  inputShape: 'input shape [{shape}] is not [null, {height}, {width}, 3]',
  outputCount: 'has {outputs} outputs but metadata.json lists {classes} classes',
  notModelFolder: 'folder exists and does not hold a saved model; refusing to replace it',
  folderNotSaved: 'could not save the model: {detail}',
  modelFolderMissing: 'model folder not found',
  notSavedModel: 'missing file: not a saved model folder',

  notProject:
    'not a Shape CNN project (no project.json made by the app): open a dataset .zip on the Dataset tab, a model file with Import a model',
  projectVersion:
    'made by a newer version of the app (project version {version}; this one reads up to {supported}): update the app',
  projectManifest: 'not a valid project description: {detail}',
  projectSampleMissing: 'listed in project.json but missing from the archive',
  projectUnlisted: 'a model folder that project.json does not list',
  nothingToOpen: 'nothing to open: choose the project file again',
  projectNotOpened: 'could not be opened ({detail}); nothing on this device changed',
  projectNoSpace: 'could not be opened (not enough storage space on this device); nothing on this device changed',
} as const;

export type ProblemCode = keyof typeof PROBLEMS;
