/** zeebe:ioMapping → input and output mappings (sources are always FEEL; a leading `=` is optional). */
import type { ExecutableElement, Mapping } from '../../executable-model';
import { elementList, extensionElement, stringProperty, type ModdleElement } from '../../moddle-element';
import { stripExpressionMarker } from '../../value-or-expression';
import type { TransformContext } from '../transform-context';

export function transformIoMapping(
  source: ModdleElement,
  element: ExecutableElement,
  _context: TransformContext,
): void {
  const ioMapping = extensionElement(source, 'zeebe:IoMapping');
  if (!ioMapping) return;
  element.inputMappings = elementList(ioMapping, 'inputParameters').map(toMapping);
  element.outputMappings = elementList(ioMapping, 'outputParameters').map(toMapping);
}

function toMapping(parameter: ModdleElement): Mapping {
  return {
    source: stripExpressionMarker(stringProperty(parameter, 'source') ?? ''),
    target: stringProperty(parameter, 'target') ?? '',
  };
}
