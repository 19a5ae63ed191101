/**
 * bpmnlint with its recommended rules plus the Camunda 8.8 compatibility rules of
 * bpmnlint-plugin-camunda-compat: what Camunda Modeler would flag before deploying to Camunda 8.8. The model
 * tests and the modeler's deployment check both lint through here.
 */
import { Linter, type LintConfig, type LintReport, type LintResolver, type RuleFactory } from 'bpmnlint';
import * as camundaCompat from 'bpmnlint-plugin-camunda-compat';

export const CAMUNDA_COMPAT_CONFIG = 'plugin:camunda-compat/camunda-cloud-8-8';

export const LINT_CONFIG: LintConfig = {
  extends: ['bpmnlint:recommended', CAMUNDA_COMPAT_CONFIG],
  rules: {
    // Diagram only: bpmn-auto-layout (`npm run layout`) puts a task's boundary timers 33 px apart although each is
    // 36 px wide, so the warning/overdue/escalation circles touch. The process itself is unaffected.
    'no-overlapping-elements': 'off',
  },
};

const COMPAT_PACKAGE = 'bpmnlint-plugin-camunda-compat';

async function moduleExport<T>(path: string): Promise<T> {
  // Through the module system (not bpmnlint's NodeResolver, which requires natively) so that Jest transpiles
  // the rules' ESM dependencies.
  const loaded = (await import(path)) as { default: T };
  return loaded.default;
}

const resolver: LintResolver = {
  resolveRule(pkg, ruleName) {
    if (pkg === 'bpmnlint') return moduleExport<RuleFactory>(`bpmnlint/rules/${ruleName}`);
    const path = pkg === COMPAT_PACKAGE ? camundaCompat.rules[ruleName] : undefined;
    if (!path?.startsWith('./')) throw new Error(`unknown bpmnlint rule ${pkg}/${ruleName}`);
    return moduleExport<RuleFactory>(`${COMPAT_PACKAGE}/${path.slice(2)}`);
  },
  resolveConfig(pkg, configName) {
    if (pkg === 'bpmnlint') return moduleExport<LintConfig>(`bpmnlint/config/${configName}`);
    const config = pkg === COMPAT_PACKAGE ? camundaCompat.configs[configName] : undefined;
    if (!config) throw new Error(`unknown bpmnlint config ${pkg}/${configName}`);
    return config;
  },
};

/** Rule name → its reports. `definitions` is a bpmn-moddle root parsed with the Zeebe extension. */
export function runBpmnlint(definitions: unknown, config = LINT_CONFIG): Promise<Record<string, LintReport[]>> {
  // A fresh linter per call: rules such as no-duplicate-sequence-flows keep state in their instance, which the
  // linter caches, so a shared linter compares one file's flows with the previous file's.
  return new Linter({ config, resolver }).lint(definitions);
}
