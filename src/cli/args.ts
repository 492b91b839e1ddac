import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A mistake in how the command was called (exit code 2), as opposed to bad data (exit code 1). */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;

export function parse<const O extends Options>(args: string[], options: O, allowPositionals = false) {
  try {
    const config = { args, options: { ...options, ...HELP_OPTION }, allowPositionals, strict: true } as const;
    return parseArgs(config);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function integer(value: string | undefined, flag: string, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new UsageError(`--${flag}: expected a whole number ≥ ${min}, got '${value}'`);
  return n;
}

export function positive(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${flag}: expected a number > 0, got '${value}'`);
  return n;
}

export function fraction(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!(n >= 0 && n < 1)) throw new UsageError(`--${flag}: expected a number from 0 to below 1, got '${value}'`);
  return n;
}

export function required(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`--${flag} is required`);
  return value;
}
