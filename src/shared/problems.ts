import type { ProblemCode } from './problem-messages';

/**
 * A problem with a person's data as the engine reports it: a code and parameters (and the file or
 * folder it is about) rather than a sentence, so that the app can say it in the person's language.
 * The messages for each code are in `problem-messages` (English) and in the app's dictionaries.
 */
export interface Problem {
  /** The file or folder the problem is about; empty when the message names its field itself. */
  subject: string;
  code: ProblemCode;
  params: ProblemParams;
}

export type ProblemParams = Readonly<Record<string, string | number>>;

/** Fills a message's `{name}` placeholders (an unknown name stays as it is). */
export const fillPlaceholders = (template: string, params: ProblemParams): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));

/** `subject: reason`, or just the reason when it names what it is about itself. */
export const describeProblem = (problem: Problem, template: string): string =>
  [problem.subject, fillPlaceholders(template, problem.params)].filter(Boolean).join(': ');

/** The problem an error from the engine carries, if it carries one (it survives the worker boundary). */
export function problemOf(error: unknown): Problem | undefined {
  const problem = (error as { problem?: Partial<Problem> } | null)?.problem;
  return problem && typeof problem.code === 'string' && typeof problem.subject === 'string' && problem.params
    ? (problem as Problem)
    : undefined;
}
