/**
 * A check's problem in the chosen language. Camunda 8.8 compatibility problems (camunda-compat, the rules
 * @camunda/linting runs) are said by their kind with the element type and property they name; the project's rules
 * and bpmnlint's recommended rules each have their sentence. Anything else is named by its rule code (and, in
 * English, bpmnlint's message).
 */
import type { Locale } from '../i18n/format';
import type { MessageKey } from '../i18n/zh-CN';

export interface Problem {
  elementId: string | null;
  rule: string;
  category: 'error' | 'warn';
  message: string;
  value?: string;
  /** camunda-compat's account of the problem: `type` (e.g. camunda.propertyRequired) and what it names. */
  detail?: Record<string, string | number | boolean | string[]>;
}

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

const RULE_TEXT: Record<string, MessageKey> = {
  'project/user-task-form': 'modeler.rule.userTaskForm',
  'project/user-task-candidate-groups': 'modeler.rule.userTaskCandidateGroups',
  'project/user-task-due-date': 'modeler.rule.userTaskDueDate',
  'project/job-type-has-worker': 'modeler.rule.jobTypeHasWorker',
  'camunda-compat/implementation': 'modeler.rule.implementation',
  'camunda-compat/feel': 'modeler.rule.feel',
  'camunda-compat/called-decision-or-task-definition': 'modeler.rule.implementation',
  'camunda-compat/task-definition': 'modeler.rule.implementation',
  'bpmnlint/end-event-required': 'modeler.rule.endEventRequired',
  'end-event-required': 'modeler.rule.endEventRequired',
  'start-event-required': 'modeler.rule.startEventRequired',
  'no-disconnected': 'modeler.rule.disconnected',
  'conditional-flows': 'modeler.rule.conditionalFlows',
  'label-required': 'modeler.rule.labelRequired',
  'no-bpmndi': 'modeler.rule.noBpmndi',
  'no-complex-gateway': 'modeler.rule.noComplexGateway',
  'no-inclusive-gateway': 'modeler.rule.noInclusiveGateway',
  'no-implicit-start': 'modeler.rule.noImplicitStart',
  'no-implicit-end': 'modeler.rule.noImplicitEnd',
  'no-implicit-split': 'modeler.rule.noImplicitSplit',
  'no-gateway-join-fork': 'modeler.rule.noGatewayJoinFork',
  'no-duplicate-sequence-flows': 'modeler.rule.noDuplicateSequenceFlows',
  'fake-join': 'modeler.rule.fakeJoin',
  'single-blank-start-event': 'modeler.rule.singleBlankStartEvent',
  'single-event-definition': 'modeler.rule.singleEventDefinition',
  'sub-process-blank-start-event': 'modeler.rule.subProcessBlankStartEvent',
  'event-sub-process-typed-start-event': 'modeler.rule.eventSubProcessTypedStartEvent',
  'superfluous-gateway': 'modeler.rule.superfluousGateway',
  'superfluous-termination': 'modeler.rule.superfluousTermination',
  'superfluous-label': 'modeler.rule.superfluousLabel',
  'link-event': 'modeler.rule.linkEvent',
  'event-based-gateway': 'modeler.rule.eventBasedGateway',
  global: 'modeler.rule.global',
  'ad-hoc-sub-process': 'modeler.rule.adHocSubProcess',
  parse: 'modeler.rule.parse',
};

/** camunda-compat's kinds of problem, each with the placeholders its sentence needs. */
const TYPE_TEXT: Record<string, { key: MessageKey; needs: string[] }> = {
  'camunda.elementTypeNotAllowed': { key: 'modeler.lint.elementTypeNotAllowed', needs: ['element'] },
  'camunda.extensionElementRequired': { key: 'modeler.lint.extensionElementRequired', needs: ['element', 'extension'] },
  'camunda.extensionElementNotAllowed': { key: 'modeler.lint.extensionElementNotAllowed', needs: ['element'] },
  'camunda.feelExpressionInvalid': { key: 'modeler.lint.feelExpressionInvalid', needs: ['element', 'property'] },
  'camunda.expressionRequired': { key: 'modeler.lint.expressionRequired', needs: ['element', 'property'] },
  'camunda.expressionValueNotAllowed': {
    key: 'modeler.lint.expressionValueNotAllowed',
    needs: ['element', 'property'],
  },
  'camunda.propertyRequired': { key: 'modeler.lint.propertyRequired', needs: ['element', 'property'] },
  'camunda.propertyNotAllowed': { key: 'modeler.lint.propertyNotAllowed', needs: ['element', 'property'] },
  'camunda.propertyValueNotAllowed': { key: 'modeler.lint.propertyValueNotAllowed', needs: ['element', 'property'] },
  'camunda.propertyValueRequired': { key: 'modeler.lint.propertyValueRequired', needs: ['element', 'property'] },
  'camunda.propertyTypeNotAllowed': { key: 'modeler.lint.propertyTypeNotAllowed', needs: ['element', 'property'] },
  'camunda.propertyDependentRequired': {
    key: 'modeler.lint.propertyDependentRequired',
    needs: ['element', 'property', 'dependent'],
  },
  'camunda.propertyValueDuplicated': { key: 'modeler.lint.propertyValueDuplicated', needs: ['element', 'property'] },
  'camunda.propertiesValuesDuplicated': { key: 'modeler.lint.propertyValueDuplicated', needs: ['element', 'property'] },
  'camunda.elementPropertyValueDuplicated': {
    key: 'modeler.lint.propertyValueDuplicated',
    needs: ['element', 'property'],
  },
  'camunda.propertyDeprecated': { key: 'modeler.lint.propertyDeprecated', needs: ['element', 'property'] },
  'camunda.elementMultipleNotAllowed': { key: 'modeler.lint.elementMultipleNotAllowed', needs: ['element'] },
  'camunda.elementCollapsedNotAllowed': { key: 'modeler.lint.elementCollapsedNotAllowed', needs: ['element'] },
  'camunda.childElementTypeNotAllowed': { key: 'modeler.lint.childElementTypeNotAllowed', needs: ['element'] },
  'camunda.loopNotAllowed': { key: 'modeler.lint.loopNotAllowed', needs: [] },
  'camunda.attachedToRefElementTypeNotAllowed': { key: 'modeler.lint.attachedToRefNotAllowed', needs: ['element'] },
  'camunda.eventBasedGatewayTargetNotAllowed': { key: 'modeler.lint.eventBasedGatewayTarget', needs: [] },
};

const shown = (value: string | number | boolean | string[] | undefined) =>
  value === undefined ? undefined : Array.isArray(value) ? value.join(', ') : String(value);

/** The names a camunda-compat problem gives, under the placeholders the sentences use. */
function placeholders(detail: NonNullable<Problem['detail']>): Record<string, string> {
  const found: Record<string, string | undefined> = {
    element: shown(detail.node),
    property: shown(detail.property ?? detail.requiredProperty ?? detail.duplicatedProperty ?? detail.propertiesName),
    extension: shown(detail.requiredExtensionElement),
    dependent: shown(detail.dependentRequiredProperty),
  };
  return Object.fromEntries(Object.entries(found).filter((entry): entry is [string, string] => !!entry[1]));
}

export function problemText(problem: Problem, t: Translate, locale: Locale): string {
  // camunda-compat's own account first: it names the element type and property, which its rule alone does not.
  const kind = typeof problem.detail?.type === 'string' ? TYPE_TEXT[problem.detail.type] : undefined;
  if (kind && problem.detail) {
    const values = placeholders(problem.detail);
    if (kind.needs.every((name) => values[name])) return t(kind.key, values);
  }
  const key = RULE_TEXT[problem.rule];
  if (key) return t(key, { value: problem.value ?? '' });
  return locale === 'en-US' ? problem.message : t('modeler.rule.other', { rule: problem.rule });
}
