/**
 * BPMN XML → one ExecutableProcess per executable process in the file. Reads the whole file first and reports
 * every problem at once, as a ModelValidationError naming the elements.
 */
import { parseBpmnXml } from './bpmn-parser';
import type { ExecutableProcess } from './executable-model';
import { elementList, elementProperty, type ModdleElement } from './moddle-element';
import { ModelValidationError, type ModelProblem } from './model-validation-error';
import { transformProcess } from './transform/process-transformer';
import { validateProcess } from './validation/process-validator';
import type { ValidationOptions } from './validation/validation-rule';

export interface TransformOptions extends ValidationOptions {
  /** Told what in the diagram interchange could not be read (drawing data: it never rejects the model). */
  onDiagramWarning?(message: string): void;
}

/** `options.supported`: what the engine can run (default SUPPORTED; see supported-elements.ts `withEnabled`). */
export async function transformBpmn(
  resourceName: string,
  xml: string,
  options: TransformOptions = {},
): Promise<ExecutableProcess[]> {
  const { definitions, problems, unresolvedReferences, diagramWarnings } = await parseBpmnXml(xml);
  for (const warning of diagramWarnings) options.onDiagramWarning?.(warning);
  if (!definitions) throw new ModelValidationError(resourceName, problems);
  const processes: ExecutableProcess[] = [];
  for (const source of executableProcesses(definitions, problems)) {
    const process = transformProcess(source, problems, unresolvedReferences);
    problems.push(...validateProcess(process, options));
    processes.push(process);
  }
  if (problems.length > 0) throw new ModelValidationError(resourceName, problems);
  return processes;
}

/** The executable bpmn:process elements, participants' processes included; duplicates and none reported. */
function executableProcesses(definitions: ModdleElement, problems: ModelProblem[]): ModdleElement[] {
  const all = new Set<ModdleElement>();
  for (const root of elementList(definitions, 'rootElements')) {
    if (root.$type === 'bpmn:Process') all.add(root);
    if (root.$type !== 'bpmn:Collaboration') continue;
    for (const participant of elementList(root, 'participants')) {
      const processRef = elementProperty(participant, 'processRef');
      if (processRef?.$type === 'bpmn:Process') all.add(processRef);
    }
  }
  const executable = [...all].filter((process) => process.isExecutable === true);
  if (executable.length === 0) {
    problems.push({ message: 'the file contains no executable process (a bpmn:process with isExecutable="true")' });
  }
  const seen = new Set<string>();
  for (const process of executable) {
    if (!process.id) problems.push({ message: 'an executable process has no id' });
    else if (seen.has(process.id))
      problems.push({ elementId: process.id, message: 'the process id is used by more than one process in this file' });
    seen.add(process.id ?? '');
  }
  return executable;
}
