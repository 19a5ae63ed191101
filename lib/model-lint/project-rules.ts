/**
 * The project's own rules for a process, on top of Camunda's: every user task has a form, candidate groups and a
 * due date (a clerk's step is always someone's, shown with its form and its time limit), and every job type has a
 * worker in this application (a job nobody serves would wait forever). Each problem names its element and a rule
 * code the modeler translates.
 */
import { extension, flowElements, processes, stringAttribute, type ModdleElement } from './moddle-walk';

export type ProjectRule =
  'user-task-form' | 'user-task-candidate-groups' | 'user-task-due-date' | 'job-type-has-worker';

export interface ProjectProblem {
  rule: ProjectRule;
  elementId: string;
  /** For job-type-has-worker: the job type no worker serves. */
  value?: string;
}

const present = (value: string | undefined) => value !== undefined && value.trim() !== '';

function userTaskProblems(task: ModdleElement): ProjectProblem[] {
  const elementId = String(task.id);
  const form = extension(task, 'zeebe:FormDefinition');
  const hasForm = ['formId', 'formKey', 'externalReference'].some((name) => present(stringAttribute(form, name)));
  const assignment = extension(task, 'zeebe:AssignmentDefinition');
  const schedule = extension(task, 'zeebe:TaskSchedule');
  const problems: ProjectProblem[] = [];
  if (!hasForm) problems.push({ rule: 'user-task-form', elementId });
  if (!present(stringAttribute(assignment, 'candidateGroups')))
    problems.push({ rule: 'user-task-candidate-groups', elementId });
  if (!present(stringAttribute(schedule, 'dueDate'))) problems.push({ rule: 'user-task-due-date', elementId });
  return problems;
}

function jobTypeProblems(element: ModdleElement, jobTypes: ReadonlySet<string>): ProjectProblem[] {
  const type = stringAttribute(extension(element, 'zeebe:TaskDefinition'), 'type')?.trim();
  // A FEEL expression (`=...`) is resolved when the job is created: it cannot be checked here.
  if (!type || type.startsWith('=') || jobTypes.has(type)) return [];
  return [{ rule: 'job-type-has-worker', elementId: String(element.id), value: type }];
}

/** Every flow element of every process, subprocesses included. */
function elementsOf(definitions: ModdleElement): ModdleElement[] {
  return processes(definitions).flatMap(flowElements);
}

export function projectRuleProblems(definitions: ModdleElement, jobTypes: ReadonlySet<string>): ProjectProblem[] {
  return elementsOf(definitions).flatMap((element) =>
    element.$type === 'bpmn:UserTask' ? userTaskProblems(element) : jobTypeProblems(element, jobTypes),
  );
}
