/**
 * The check before a deployment, the same one the modeler shows while editing: the content must parse; a process
 * must pass bpmnlint's recommended rules with Camunda 8.8's compatibility rules (what Camunda Modeler checks) and
 * the project's own rules (lib/model-lint/project-rules.ts). Each problem names its element and rule, with
 * bpmnlint's English message; the modeler shows it in the user's language by rule.
 */
import { runBpmnlint } from '../../lib/model-lint/bpmnlint-runner';
import type { ModdleElement } from '../../lib/model-lint/moddle-walk';
import { projectRuleProblems } from '../../lib/model-lint/project-rules';
import type { ModelKind } from './model-resources';
import { parseModel, UnreadableModel } from './model-summary';

export interface ModelProblem {
  elementId: string | null;
  /** `parse`, a bpmnlint rule (`camunda-compat/...`) or a project rule (`project/...`). */
  rule: string;
  category: 'error' | 'warn';
  message: string;
  /** What the rule found wrong, e.g. the job type no worker serves. */
  value?: string;
  /**
   * camunda-compat's account of the problem (its `type`, e.g. `camunda.propertyRequired`, and the element types,
   * properties and version it names), for the modeler to say it in the user's language.
   */
  detail?: Record<string, string | number | boolean | string[]>;
}

type DetailValue = string | number | boolean | string[];

/** A report's data made plain: moddle elements by their type (`bpmn:UserTask`), lists of them likewise. */
function plainDetail(data: Record<string, unknown> | undefined): ModelProblem['detail'] {
  if (!data || typeof data.type !== 'string') return undefined;
  const plain = (value: unknown): string | number | boolean | undefined => {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
    const type = (value as { $type?: unknown } | null)?.$type;
    return typeof type === 'string' ? type : undefined;
  };
  const detail: Record<string, DetailValue> = {};
  for (const [key, value] of Object.entries(data)) {
    const shown = Array.isArray(value)
      ? value.map(plain).filter((item): item is string => typeof item === 'string')
      : plain(value);
    if (shown !== undefined) detail[key] = shown;
  }
  return detail;
}

export interface CheckResult {
  errors: ModelProblem[];
  warnings: ModelProblem[];
}

async function bpmnProblems(definitions: ModdleElement, jobTypes: ReadonlySet<string>): Promise<ModelProblem[]> {
  const problems: ModelProblem[] = [];
  for (const [rule, reports] of Object.entries(await runBpmnlint(definitions)))
    for (const report of reports)
      if (report.category === 'error' || report.category === 'warn')
        problems.push({
          elementId: report.id ?? null,
          rule,
          category: report.category,
          message: report.message,
          ...(plainDetail(report.data) ? { detail: plainDetail(report.data) } : {}),
        });
  for (const problem of projectRuleProblems(definitions, jobTypes))
    problems.push({
      elementId: problem.elementId,
      rule: `project/${problem.rule}`,
      category: 'error',
      message: problem.rule,
      ...(problem.value ? { value: problem.value } : {}),
    });
  return problems;
}

export async function checkModel(
  kind: ModelKind,
  content: string,
  jobTypes: ReadonlySet<string>,
): Promise<CheckResult> {
  let problems: ModelProblem[];
  try {
    const parsed = await parseModel(kind, content);
    problems = parsed.warnings.map((message) => ({ elementId: null, rule: 'parse', category: 'error', message }));
    if (kind === 'bpmn') problems.push(...(await bpmnProblems(parsed.root as ModdleElement, jobTypes)));
  } catch (error) {
    if (!(error instanceof UnreadableModel)) throw error;
    problems = [{ elementId: null, rule: 'parse', category: 'error', message: error.message }];
  }
  return {
    errors: problems.filter((problem) => problem.category === 'error'),
    warnings: problems.filter((problem) => problem.category === 'warn'),
  };
}
