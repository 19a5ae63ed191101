/** The model tests' view of the lint (lib/model-lint): one line per problem, naming file, element and rule. */
import { LINT_CONFIG, runBpmnlint } from '../../lib/model-lint/bpmnlint-runner';
import type { BpmnModel } from './model-inventory';

export { CAMUNDA_COMPAT_CONFIG, LINT_CONFIG } from '../../lib/model-lint/bpmnlint-runner';

/** `file: elementId: message (rule)` for every error and warning, parse warnings included. */
export async function lintProblems(model: BpmnModel, config = LINT_CONFIG): Promise<string[]> {
  const results = await runBpmnlint(model.definitions, config);
  const problems = model.parseWarnings.map((warning) => `${model.file}: ${warning} (parse)`);
  for (const [rule, reports] of Object.entries(results)) {
    for (const report of reports) {
      if (report.category === 'off' || report.category === 'info') continue;
      problems.push(`${model.file}: ${report.id ?? '-'}: ${report.message} (${rule}, ${report.category})`);
    }
  }
  return problems;
}
