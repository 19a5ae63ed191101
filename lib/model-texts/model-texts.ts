/**
 * What the API answers in the reader's language: step and process names and task forms from the deployed models,
 * in English from the catalogue when the reader asked for English, as the models have them otherwise.
 */
import { englishDiagramXml } from './english-diagram';
import { englishForm } from './english-form';
import { englishCatalogue } from './model-text-catalogue';

export type ModelLocale = 'zh-CN' | 'en-US';

export interface ModelTexts {
  /** A step's (or any drawn element's) name; the process's own name when `elementId` is the process id. */
  name(processId: string, elementId: string, name: string): string;
  form(schema: unknown): unknown;
  diagramXml(xml: string): Promise<string>;
}

const asModelled: ModelTexts = {
  name: (_process, _element, name) => name,
  form: (schema) => schema,
  diagramXml: async (xml) => xml,
};

const inEnglish: ModelTexts = {
  name: (processId, elementId, name) => englishCatalogue().processes[processId]?.[elementId] ?? name,
  form: (schema) => englishForm(schema, englishCatalogue()),
  diagramXml: (xml) => englishDiagramXml(xml, englishCatalogue()),
};

export const modelTexts = (locale: ModelLocale): ModelTexts => (locale === 'en-US' ? inEnglish : asModelled);

/** Items that name an element of a process, their names in the locale. */
export function named<T extends { elementId: string; name?: string | null }>(
  texts: ModelTexts,
  processId: string,
  items: T[],
): T[] {
  return items.map((item) => (item.name ? { ...item, name: texts.name(processId, item.elementId, item.name) } : item));
}
