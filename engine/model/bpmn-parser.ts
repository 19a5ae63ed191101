/** BPMN XML → moddle definitions, with parse warnings turned into problems a modeler understands. */
import { BpmnModdle, type ParseWarning } from 'bpmn-moddle';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { isModdleElement, type ModdleElement } from './moddle-element';
import type { ModelProblem } from './model-validation-error';

export interface ParsedBpmn {
  definitions?: ModdleElement;
  problems: ModelProblem[];
  /** `elementId.property` of every reference that points at an id that does not exist. */
  unresolvedReferences: Set<string>;
  /**
   * What could not be read in the diagram interchange (bpmndi: shapes, edges, labels). It is drawing data only:
   * Zeebe deploys such a model and ignores the broken shape, so these are warnings, never problems.
   */
  diagramWarnings: string[];
}

export async function parseBpmnXml(xml: string): Promise<ParsedBpmn> {
  const moddle = BpmnModdle({ zeebe: zeebeModdle });
  const unresolvedReferences = new Set<string>();
  const diagramWarnings: string[] = [];
  try {
    const { rootElement, warnings } = await moddle.fromXML(xml);
    const problems: ModelProblem[] = [];
    for (const warning of warnings) {
      if (isAboutDiagram(warning)) diagramWarnings.push(describeDiagramWarning(warning));
      else problems.push(toProblem(warning, unresolvedReferences));
    }
    if (!isModdleElement(rootElement) || rootElement.$type !== 'bpmn:Definitions') {
      problems.push({ message: 'the file is not a BPMN document (no bpmn:definitions root element)' });
      return { problems, unresolvedReferences, diagramWarnings };
    }
    return { definitions: rootElement, problems, unresolvedReferences, diagramWarnings };
  } catch (error) {
    const reason = error instanceof Error ? describeParseError(error.message) : String(error);
    return {
      problems: [{ message: `the file is not valid BPMN XML: ${reason}` }],
      unresolvedReferences,
      diagramWarnings,
    };
  }
}

/** The diagram interchange packages: bpmndi (shapes, edges, planes, labels) and the DD packages dc and di. */
const DIAGRAM_TYPE = /^(bpmndi|dc|di):/;

function isAboutDiagram(warning: ParseWarning): boolean {
  return DIAGRAM_TYPE.test(warning.element?.$type ?? '');
}

function describeDiagramWarning(warning: ParseWarning): string {
  const element = warning.element?.id ?? warning.element?.$type ?? 'a diagram element';
  if (warning.message.startsWith('unresolved reference')) {
    return `the diagram element '${element}' refers to '${String(warning.value)}', which does not exist; it is not drawn`;
  }
  return `the diagram element '${element}' could not be read: ${firstLine(warning.message)}`;
}

function toProblem(warning: ParseWarning, unresolved: Set<string>): ModelProblem {
  const elementId = warning.element?.id;
  if (warning.message.startsWith('unresolved reference') && warning.property) {
    const property = warning.property.replace(/^bpmn:/, '');
    unresolved.add(`${elementId}.${property}`);
    return {
      elementId,
      message: `its ${describeProperty(property)} refers to '${String(warning.value)}', which does not exist`,
    };
  }
  const nested = /nested error: (.*)/.exec(warning.message)?.[1];
  const line = /line: (\d+)/.exec(warning.message)?.[1];
  const where = line !== undefined ? ` (line ${Number(line) + 1})` : '';
  const unknown = nested && /unknown type <(.+)>/.exec(nested)?.[1];
  if (unknown)
    return { elementId, message: `the file contains an element this engine does not know: <${unknown}>${where}` };
  const duplicate = nested && /duplicate ID <(.+)>/.exec(nested)?.[1];
  if (duplicate)
    return { elementId: duplicate, message: `the id '${duplicate}' is used by more than one element${where}` };
  return { elementId, message: `part of the file could not be read${where}: ${nested ?? firstLine(warning.message)}` };
}

function describeProperty(property: string): string {
  const names: Record<string, string> = {
    sourceRef: 'source',
    targetRef: 'target',
    default: 'default flow',
    attachedToRef: 'attached activity',
    incoming: 'incoming flow',
    outgoing: 'outgoing flow',
  };
  return names[property] ?? `'${property}'`;
}

/** moddle's "unparsable content … line: 0 … nested error: unclosed tag" → "unclosed tag (line 1)". */
function describeParseError(text: string): string {
  const nested = /nested error: (.*)/.exec(text)?.[1];
  const line = /line: (\d+)/.exec(text)?.[1];
  if (!nested) return firstLine(text);
  return line !== undefined ? `${nested} (line ${Number(line) + 1})` : nested;
}

function firstLine(text: string): string {
  return text.split('\n')[0].trim();
}
