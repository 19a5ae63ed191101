/** bpmn:multiInstanceLoopCharacteristics with zeebe:loopCharacteristics → the element's multi-instance marker. */
import type { ExecutableElement } from '../executable-model';
import { elementProperty, extensionElement, stringProperty, type ModdleElement } from '../moddle-element';
import { stripExpressionMarker } from '../value-or-expression';
import type { TransformContext } from './transform-context';

export function transformMultiInstance(
  source: ModdleElement,
  element: ExecutableElement,
  context: TransformContext,
): void {
  const loop = elementProperty(source, 'loopCharacteristics');
  if (!loop) return;
  if (loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics') {
    context.addProblem(element.id, 'a standard loop is not supported; use a multi-instance marker instead');
    return;
  }
  const zeebeLoop = extensionElement(loop, 'zeebe:LoopCharacteristics');
  const condition = elementProperty(loop, 'completionCondition');
  const completionCondition = condition ? stringProperty(condition, 'body') : undefined;
  const inputCollection = zeebeLoop && stringProperty(zeebeLoop, 'inputCollection');
  const outputElement = zeebeLoop && stringProperty(zeebeLoop, 'outputElement');
  element.multiInstance = {
    sequential: loop.isSequential === true,
    inputCollection: inputCollection ? stripExpressionMarker(inputCollection) : undefined,
    inputElement: (zeebeLoop && stringProperty(zeebeLoop, 'inputElement')) || undefined,
    outputCollection: (zeebeLoop && stringProperty(zeebeLoop, 'outputCollection')) || undefined,
    outputElement: outputElement ? stripExpressionMarker(outputElement) : undefined,
    completionCondition: completionCondition ? stripExpressionMarker(completionCondition.trim()) : undefined,
  };
}
