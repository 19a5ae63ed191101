/** A BPMN resource that cannot run: each problem names the element and says what is wrong. */
export interface ModelProblem {
  elementId?: string;
  message: string;
}

export class ModelValidationError extends Error {
  constructor(
    readonly resourceName: string,
    readonly problems: ModelProblem[],
  ) {
    super(
      `'${resourceName}': ` +
        problems.map((p) => (p.elementId ? `element '${p.elementId}': ${p.message}` : p.message)).join('; '),
    );
    this.name = 'ModelValidationError';
  }
}
