/** One executable bpmn:process → ExecutableProcess (validation happens afterwards, on the result). */
import type { ExecutableProcess } from '../executable-model';
import type { ModelProblem } from '../model-validation-error';
import { elementList, type ModdleElement } from '../moddle-element';
import { transformProcessElement } from './container-transformer';
import { linkEvents } from './event-linker';
import { connectFlows } from './flow-connector';
import { TransformContext } from './transform-context';

export function transformProcess(
  source: ModdleElement,
  problems: ModelProblem[],
  unresolvedReferences: ReadonlySet<string>,
): ExecutableProcess {
  const context = new TransformContext(source.id ?? '', source.name || undefined, problems, unresolvedReferences);
  transformProcessElement(source, context);
  connectFlows(context.process, flowNodesById(source));
  linkEvents(context.process, source);
  return context.process;
}

function flowNodesById(container: ModdleElement, byId = new Map<string, ModdleElement>()): Map<string, ModdleElement> {
  for (const child of elementList(container, 'flowElements')) {
    if (child.id) byId.set(child.id, child);
    if (child.$type === 'bpmn:SubProcess') flowNodesById(child, byId);
  }
  return byId;
}
