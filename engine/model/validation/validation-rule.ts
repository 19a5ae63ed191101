import type { ExecutableProcess } from '../executable-model';
import type { ModelProblem } from '../model-validation-error';

/** One concern of deployment validation: reports every problem it finds in the process. */
export type ValidationRule = (process: ExecutableProcess, report: (problem: ModelProblem) => void) => void;
