/**
 * The details of an event definition (message, timer, error, escalation, signal, link, compensation, conditional) and the
 * message of a receive or send task, read into the element.
 */
import { feelVariableNames } from '../../feel/feel-variable-names';
import type {
  ConditionalDefinition,
  ExecutableElement,
  MessageDefinition,
  TimerKind,
  ValueOrExpression,
} from '../executable-model';
import { elementList, elementProperty, extensionElement, stringProperty, type ModdleElement } from '../moddle-element';
import { stripExpressionMarker, toValueOrExpression } from '../value-or-expression';
import type { TransformContext } from './transform-context';

const TIMER_PROPERTIES: readonly [string, TimerKind][] = [
  ['timeDate', 'date'],
  ['timeDuration', 'duration'],
  ['timeCycle', 'cycle'],
];

/** Fills the field of the element's (first) event definition that matches its event kind. */
export function transformEventDefinition(
  source: ModdleElement,
  element: ExecutableElement,
  context: TransformContext,
): void {
  const definition = elementList(source, 'eventDefinitions')[0];
  if (!definition) return;
  switch (element.eventKind) {
    case 'message': {
      element.message = messageOf(elementProperty(definition, 'messageRef'));
      break;
    }
    case 'timer':
      transformTimer(definition, element, context);
      break;
    case 'error': {
      const code = stringOf(elementProperty(definition, 'errorRef'), 'errorCode');
      element.error = { errorCode: codeOf(code) };
      break;
    }
    case 'escalation': {
      const code = stringOf(elementProperty(definition, 'escalationRef'), 'escalationCode');
      element.escalation = { escalationCode: codeOf(code) };
      break;
    }
    case 'signal': {
      const name = stringOf(elementProperty(definition, 'signalRef'), 'name');
      if (name !== undefined) element.signal = { name: toValueOrExpression(name) };
      break;
    }
    case 'link':
      element.link = { name: stringProperty(definition, 'name') ?? '' };
      break;
    case 'conditional':
      element.conditional = conditionalOf(definition);
      break;
    case 'compensation':
      if (element.kind === 'boundaryEvent') break; // the handler is found through associations, later
      element.compensation = {
        activityRef: elementProperty(definition, 'activityRef')?.id,
        waitForCompletion: definition.waitForCompletion !== false,
      };
      break;
    default:
      break;
  }
}

/** The condition and its zeebe:conditionalFilter; the variables it reads come from the expression itself. */
function conditionalOf(definition: ModdleElement): ConditionalDefinition {
  const conditionElement = elementProperty(definition, 'condition');
  const condition = stripExpressionMarker((conditionElement && stringProperty(conditionElement, 'body'))?.trim() ?? '');
  const filter = extensionElement(definition, 'zeebe:ConditionalFilter');
  const events = filter && stringProperty(filter, 'variableEvents');
  const variableEvents = events
    ?.split(',')
    .map((event) => event.trim())
    .filter((event) => event !== '');
  return {
    condition,
    variableNames: feelVariableNames(condition),
    variableEvents: variableEvents && variableEvents.length > 0 ? variableEvents : undefined,
  };
}

/** A receive task's (or send task's) bpmn:messageRef. */
export function transformTaskMessage(source: ModdleElement, element: ExecutableElement): void {
  const message = messageOf(elementProperty(source, 'messageRef'));
  if (message) element.message = message;
}

/** bpmn:message → its name and zeebe:subscription correlationKey; undefined without a name attribute. */
function messageOf(message: ModdleElement | undefined): MessageDefinition | undefined {
  const name = message && stringProperty(message, 'name');
  if (message === undefined || name === undefined) return undefined;
  const subscription = extensionElement(message, 'zeebe:Subscription');
  const correlationKey = subscription && stringProperty(subscription, 'correlationKey')?.trim();
  return {
    name: toValueOrExpression(name),
    correlationKey: correlationKey ? stripExpressionMarker(correlationKey) : undefined,
  };
}

function transformTimer(definition: ModdleElement, element: ExecutableElement, context: TransformContext): void {
  const set = TIMER_PROPERTIES.flatMap(([property, kind]) => {
    const expression = elementProperty(definition, property);
    return expression ? [{ kind, body: (stringProperty(expression, 'body') ?? '').trim() }] : [];
  });
  if (set.length > 1) {
    context.addProblem(
      element.id,
      'a timer may have only one of timeDate, timeDuration and timeCycle, but has ' +
        set.map(({ kind }) => `time${kind[0].toUpperCase()}${kind.slice(1)}`).join(' and '),
    );
  }
  if (set.length > 0) element.timer = { kind: set[0].kind, value: toValueOrExpression(set[0].body) };
}

function stringOf(element: ModdleElement | undefined, property: string): string | undefined {
  return element ? stringProperty(element, property) : undefined;
}

/** An empty code is no code (a catch-all on catch events); validation rejects expressions on catch events. */
function codeOf(code: string | undefined): ValueOrExpression | undefined {
  return code === undefined || code.trim() === '' ? undefined : toValueOrExpression(code);
}
