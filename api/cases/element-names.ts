/**
 * Chinese step names for a process definition's elements, read from its deployed XML (the engine's element-instance
 * search answers with element ids). Cached per definition key: a deployed definition never changes.
 */
import type { CamundaClients } from '../../lib/camunda/camunda-client';

const cache = new Map<string, Map<string, string>>();
const ELEMENT_WITH_NAME = /<(?:bpmn:)?\w+\s[^>]*?\bid="([^"]+)"[^>]*?\bname="([^"]*)"/g;

export function elementNamesIn(xml: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const match of xml.matchAll(ELEMENT_WITH_NAME)) names.set(match[1], decodeXml(match[2]));
  return names;
}

const decodeXml = (text: string): string =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#10;/g, ' ')
    .replace(/&amp;/g, '&');

export async function elementNames(
  camunda: CamundaClients,
  processDefinitionKey: string,
): Promise<Map<string, string>> {
  let names = cache.get(processDefinitionKey);
  if (!names) {
    names = elementNamesIn(await camunda.rest.getProcessDefinitionXML(processDefinitionKey));
    cache.set(processDefinitionKey, names);
  }
  return names;
}
