/** bpmn:sequenceFlow → SequenceFlow; the condition body without its leading `=`. */
import type { SequenceFlow } from '../executable-model';
import { elementProperty, stringProperty, type ModdleElement } from '../moddle-element';
import { stripExpressionMarker } from '../value-or-expression';
import type { TransformContext } from './transform-context';

export function transformSequenceFlow(source: ModdleElement, context: TransformContext): SequenceFlow | undefined {
  const id = source.id ?? '';
  const sourceId = elementProperty(source, 'sourceRef')?.id;
  const targetId = elementProperty(source, 'targetRef')?.id;
  if (!sourceId && !context.isUnresolved(id, 'sourceRef')) context.addProblem(id, 'the sequence flow has no source');
  if (!targetId && !context.isUnresolved(id, 'targetRef')) context.addProblem(id, 'the sequence flow has no target');
  if (!sourceId || !targetId) return undefined;
  const conditionExpression = elementProperty(source, 'conditionExpression');
  const body = conditionExpression ? stringProperty(conditionExpression, 'body')?.trim() : undefined;
  return {
    id,
    name: source.name || undefined,
    sourceId,
    targetId,
    condition: body ? stripExpressionMarker(body) : undefined,
  };
}
