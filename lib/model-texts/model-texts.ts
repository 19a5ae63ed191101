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

type NamesElement = { elementId: string; name?: string | null };

/** Items naming an element of one process (a case's steps), their names in the locale. */
export function named<T extends NamesElement>(texts: ModelTexts, processId: string, items: T[]): T[] {
  return items.map((item) => (item.name ? { ...item, name: texts.name(processId, item.elementId, item.name) } : item));
}

/** Items that carry their process (tasks, history), their names in the locale. */
export function namedInTheirProcess<T extends NamesElement & { processDefinitionId: string }>(
  texts: ModelTexts,
  items: T[],
): T[] {
  return items.map((item) => named(texts, item.processDefinitionId, [item])[0]);
}

/** Process instances (or definitions) with their process's name in the locale. */
export function processesNamed<T extends { processDefinitionId: string; processDefinitionName?: string | null }>(
  texts: ModelTexts,
  processes: T[],
): T[] {
  return processes.map((process) =>
    process.processDefinitionName
      ? {
          ...process,
          processDefinitionName: texts.name(
            process.processDefinitionId,
            process.processDefinitionId,
            process.processDefinitionName,
          ),
        }
      : process,
  );
}
