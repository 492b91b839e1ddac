import { DataError } from '../engine/data/errors';
import { UsageError } from './args';
import { evaluateCommand } from './evaluate';
import { exportCommand } from './export';
import { predictCommand } from './predict';
import { trainCommand } from './train';

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  train: trainCommand,
  evaluate: evaluateCommand,
  predict: predictCommand,
  export: exportCommand,
};

const HELP = `Usage: shapes <command> [options]

Train and use the hand-drawn shapes CNN (the Keras tutorial, in TensorFlow.js).

Commands:
  train      train on a folder of train/ and test/ class folders, evaluate, save the model
  evaluate   score a saved model on a folder of class folders
  predict    classify image files with a saved model
  export     write a saved model as a Keras .keras or .h5 file, or as ONNX

Run 'shapes <command> --help' for a command's options.`;

/** Runs one CLI invocation; returns the exit code (0 ok, 1 bad data, 2 bad usage). */
export async function main(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(HELP);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`shapes: unknown command '${name}' (try: ${Object.keys(COMMANDS).join(', ')})`);
    return 2;
  }
  try {
    await command(rest);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`shapes ${name}: ${error.message} (see 'shapes ${name} --help')`);
      return 2;
    }
    if (error instanceof DataError) {
      console.error(`shapes ${name}: error: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
