/** DMN XML → moddle definitions, with parse warnings turned into problems a modeler understands. */
import { DmnModdle, type DmnParseWarning } from 'dmn-moddle';
import { isModdleElement, type ModdleElement } from '../../model/moddle-element';
import type { DmnProblem } from './dmn-validation-error';

export const DMN_13_NAMESPACE = 'https://www.omg.org/spec/DMN/20191111/MODEL/';

/** Older DMN namespaces whose tables and literal expressions read the same as DMN 1.3. */
const OLDER_NAMESPACES = [
  'http://www.omg.org/spec/DMN/20151101/dmn.xsd',
  'http://www.omg.org/spec/DMN/20180521/MODEL/',
];

export interface ParsedDmnXml {
  definitions?: ModdleElement;
  problems: DmnProblem[];
}

export async function readDmnXml(xml: string): Promise<ParsedDmnXml> {
  const moddle = DmnModdle();
  try {
    const { rootElement, warnings } = await moddle.fromXML(upgradeNamespace(xml));
    const problems = warnings.map(toProblem);
    if (!isModdleElement(rootElement) || rootElement.$type !== 'dmn:Definitions') {
      problems.push({ message: 'the file is not a DMN document (no dmn:definitions root element)' });
      return { problems };
    }
    return { definitions: rootElement, problems };
  } catch (error) {
    return { problems: [{ message: `the file is not valid DMN XML: ${describeError(error)}` }] };
  }
}

function upgradeNamespace(xml: string): string {
  return OLDER_NAMESPACES.reduce((text, namespace) => text.split(`"${namespace}"`).join(`"${DMN_13_NAMESPACE}"`), xml);
}

function toProblem(warning: DmnParseWarning): DmnProblem {
  const elementId = warning.element?.id;
  if (warning.message.startsWith('unresolved reference') && warning.property) {
    return {
      elementId,
      message: `its '${warning.property}' refers to '${String(warning.value)}', which does not exist`,
    };
  }
  const nested = /nested error: (.*)/.exec(warning.message)?.[1];
  const line = /line: (\d+)/.exec(warning.message)?.[1];
  const where = line !== undefined ? ` (line ${Number(line) + 1})` : '';
  const duplicate = nested && /duplicate ID <(.+)>/.exec(nested)?.[1];
  if (duplicate)
    return { elementId: duplicate, message: `the id '${duplicate}' is used by more than one element${where}` };
  return { elementId, message: `part of the file could not be read${where}: ${nested ?? firstLine(warning.message)}` };
}

/** moddle's "unparsable content … line: 0 … nested error: unclosed tag" → "unclosed tag (line 1)". */
function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (text.startsWith('failed to parse document as <dmn:Definitions>')) {
    return `the root element must be <definitions> in the DMN 1.3 namespace ${DMN_13_NAMESPACE}`;
  }
  const nested = /nested error: (.*)/.exec(text)?.[1];
  const line = /line: (\d+)/.exec(text)?.[1];
  if (!nested) return firstLine(text);
  return line !== undefined ? `${nested} (line ${Number(line) + 1})` : nested;
}

function firstLine(text: string): string {
  return text.split('\n')[0].trim();
}
