/** What the transformers of one process share: the model being built and the problems found so far. */
import type { ExecutableElement, ExecutableProcess } from '../executable-model';
import type { ModelProblem } from '../model-validation-error';

export class TransformContext {
  readonly process: ExecutableProcess;

  constructor(
    bpmnProcessId: string,
    name: string | undefined,
    readonly problems: ModelProblem[],
    /** `elementId.property` of references to ids that do not exist (already reported by the parser). */
    readonly unresolvedReferences: ReadonlySet<string>,
  ) {
    this.process = { bpmnProcessId, name, elements: new Map(), flows: new Map() };
  }

  addProblem(elementId: string | undefined, message: string): void {
    this.problems.push({ elementId, message });
  }

  addElement(element: ExecutableElement): void {
    if (this.process.elements.has(element.id)) {
      this.addProblem(element.id, `the id '${element.id}' is used by more than one element`);
      return;
    }
    this.process.elements.set(element.id, element);
  }

  isUnresolved(elementId: string | undefined, property: string): boolean {
    return this.unresolvedReferences.has(`${elementId}.${property}`);
  }
}
