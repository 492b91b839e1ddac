import { PROBLEMS, type ProblemCode } from '../../shared/problem-messages';
import { describeProblem, type Problem, type ProblemParams } from '../../shared/problems';

/**
 * A problem with the user's data, naming the file or folder it is about (`subject`; empty when the
 * reason names its field itself). The message is English; `problem` lets the app translate it.
 */
export class DataError extends Error {
  readonly problem: Problem;

  constructor(subject: string, code: ProblemCode, params: ProblemParams = {}) {
    const problem = { subject, code, params };
    super(describeProblem(problem, PROBLEMS[code]));
    this.name = 'DataError';
    this.problem = problem;
  }
}
