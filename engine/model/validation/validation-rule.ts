import type { ExecutableProcess } from '../executable-model';
import type { ModelProblem } from '../model-validation-error';
import type { SupportedFeatures } from '../supported-elements';

export interface ValidationOptions {
  /** What the engine can run; default: SUPPORTED. */
  supported?: SupportedFeatures;
}

/** One concern of deployment validation: reports every problem it finds in the process. */
export type ValidationRule = (
  process: ExecutableProcess,
  report: (problem: ModelProblem) => void,
  options: ValidationOptions,
) => void;
