import { checkFeelSyntax } from '../../feel/feel-syntax';
import type { ExecutableElement, ValueOrExpression } from '../executable-model';
import type { ValidationRule } from './validation-rule';

/** Every FEEL expression of the process must parse: conditions, mappings, job settings, scripts, loops. */
export const expressionRule: ValidationRule = (process, report) => {
  const check = (elementId: string, what: string, expression: string | undefined) => {
    if (expression === undefined) return;
    const complaint = checkFeelSyntax(expression);
    if (complaint) {
      report({
        elementId,
        message: `${what.replace('{}', `'${expression}'`)} is not a valid FEEL expression: ${complaint}`,
      });
    }
  };
  for (const flow of process.flows.values()) check(flow.id, 'the condition {}', flow.condition);
  for (const element of process.elements.values()) {
    for (const [what, expression] of expressionsOf(element)) check(element.id, what, expression);
  }
};

function expressionsOf(element: ExecutableElement): [string, string | undefined][] {
  const found: [string, string | undefined][] = [];
  for (const mapping of element.inputMappings)
    found.push([`the source {} of the input mapping to '${mapping.target}'`, mapping.source || undefined]);
  for (const mapping of element.outputMappings)
    found.push([`the source {} of the output mapping to '${mapping.target}'`, mapping.source || undefined]);
  if (element.job) {
    found.push(['the job type {}', expressionOf(element.job.type)]);
    found.push(['the job retries {}', expressionOf(element.job.retries)]);
  }
  if (element.script) found.push(['the script {}', element.script.expression]);
  if (element.message) {
    found.push(['the message name {}', expressionOf(element.message.name)]);
    found.push(['the correlation key {}', element.message.correlationKey]);
  }
  if (element.timer) found.push(['the timer {}', expressionOf(element.timer.value)]);
  if (element.error?.errorCode) found.push(['the error code {}', expressionOf(element.error.errorCode)]);
  if (element.escalation?.escalationCode) {
    found.push(['the escalation code {}', expressionOf(element.escalation.escalationCode)]);
  }
  if (element.signal) found.push(['the signal name {}', expressionOf(element.signal.name)]);
  if (element.conditional?.condition) found.push(['the condition {}', element.conditional.condition]);
  const loop = element.multiInstance;
  if (loop) {
    found.push(['the input collection {}', loop.inputCollection]);
    found.push(['the output element {}', loop.outputElement]);
    found.push(['the completion condition {}', loop.completionCondition]);
  }
  return found;
}

function expressionOf(value: ValueOrExpression): string | undefined {
  return value.kind === 'expression' ? value.expression : undefined;
}
