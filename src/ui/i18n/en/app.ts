/** English messages of the app shell: title, tabs, class and split names, dialogs, updates and errors. */
export const enApp = {
  'app.title': 'Shape CNN',
  'app.tagline':
    'Train a small neural network in your browser to tell hand-drawn circles, rectangles and triangles apart — on your device, offline.',
  'app.opening': 'Opening the dataset and any saved model…',
  'app.language': 'Language',

  'tabs.label': 'Views',
  'tabs.train': 'Train',
  'tabs.predict': 'Predict',
  'tabs.dataset': 'Dataset',
  'tabs.models': 'Models',

  'class.circle': 'Circle',
  'class.rectangle': 'Rectangle',
  'class.triangle': 'Triangle',

  'split.train': 'Training',
  'split.test': 'Test',
  'split.hard': 'Hard',

  'confirm.cancel': 'Cancel',

  'update.offline': 'Ready to work offline.',
  'update.available': 'A new version is available.',
  'update.reload': 'Reload',
  'update.afterTraining': 'You can reload once training has finished.',
  'update.dismiss': 'Dismiss',

  'error.title': 'Something went wrong',
  'error.dismiss': 'Dismiss',
  'error.open': 'Could not open the app’s data',
  'error.tidy': 'Could not tidy up the stored models',
  'error.keep': "Could not keep or discard the unfinished run's model",
  'error.backend': 'Could not start the backend',
  'error.calibrate': 'Could not measure the backends',
  'error.describe': 'Could not describe the model',
  'error.train': 'Training failed',
  'error.stop': 'Could not stop training',
  'error.evaluate': 'Evaluation failed',
  'error.predict': 'Prediction failed',
  'error.image': 'Could not read the image',
  'error.delete': 'Could not delete the saved model',
  'error.models': 'Could not change the saved models',
  'error.exportModel': 'Could not export the model',
  'error.importModel': 'Could not import the model',
  'error.dataset': 'Could not change your dataset',
  'error.addSamples': 'Could not add the samples',
  'error.import': 'Could not import',
  'error.export': 'Could not export the dataset',
  'error.saveProject': 'Could not save the project',
  'error.openProject': 'Could not open the project',
  'error.preview': 'Could not preview the augmentation',
  'error.worker': 'The training worker failed to start; reload the page to try again',
  'error.workerRestarted':
    'The training worker stopped and was started again: what it was doing (training, a prediction) was interrupted; everything stored on this device is intact',
  'error.offline': 'The app could not be set up for offline use',
} as const;
