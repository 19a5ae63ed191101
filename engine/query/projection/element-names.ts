import type { ExecutableProcess } from '../../model/executable-model';
import { parseBpmnXml } from '../../model/bpmn-parser';
import { elementList, elementProperty, type ModdleElement } from '../../model/moddle-element';
import type { QueryDb } from '../query-db';
import { marks } from './projection-batch';
import type { ElementNameMap, ProjectionLookups } from './projection-lookups';

/** Definitions whose names stay cached; a round needing more still gets them all (the cache just forgets sooner). */
const CACHE_SIZE = 500;
/** Element names longer than this are cut (the MySQL column is VARCHAR(1024)). */
export const MAX_ELEMENT_NAME = 1024;

/** The names of a process's elements, the process itself included (its element id is the bpmnProcessId). */
export function elementNamesOf(model: ExecutableProcess): Map<string, string> {
  const names = new Map<string, string>();
  for (const [id, element] of model.elements) if (element.name) names.set(id, element.name);
  if (model.name && !names.has(model.bpmnProcessId)) names.set(model.bpmnProcessId, model.name);
  return names;
}

/** What the query API shows as an element's name: its BPMN name, else its id (as Camunda does). */
export function elementNameOf(names: ElementNameMap | undefined, elementId: string): string {
  const name = names?.get(elementId) || elementId;
  return name.length > MAX_ELEMENT_NAME ? Array.from(name).slice(0, MAX_ELEMENT_NAME).join('') : name;
}

/**
 * The element names of process definitions, for the exporter (records carry element ids only). Looked up, in this
 * order: in its cache; in the engine's deployed model (`lookups.elementNames`); from the BPMN XML the projections
 * keep (engine_q_process_definitions.xml), which is how they come back after a restart when a definition is no
 * longer in the engine's state. A definition found nowhere has no names (its elements show their ids).
 */
export class ElementNames {
  private readonly cache = new Map<number, ElementNameMap>();

  constructor(
    private readonly db: QueryDb,
    private readonly lookups: ProjectionLookups,
  ) {}

  /** The names of these definitions, by definition key (those found). */
  async load(definitionKeys: Iterable<number>): Promise<Map<number, ElementNameMap>> {
    const found = new Map<number, ElementNameMap>();
    const missing: number[] = [];
    for (const key of new Set(definitionKeys)) {
      const cached = this.cache.get(key) ?? this.fromEngine(key);
      if (cached) {
        found.set(key, cached);
        this.remember(key, cached);
      } else missing.push(key);
    }
    for (let i = 0; i < missing.length; i += 200) {
      const keys = missing.slice(i, i + 200);
      const rows = await this.db.all(
        'SELECT process_definition_key, bpmn_process_id, xml FROM engine_q_process_definitions ' +
          `WHERE process_definition_key IN (${marks(keys.length)}) AND xml IS NOT NULL`,
        keys,
      );
      for (const row of rows) {
        const names = await namesFromXml(String(row.xml), String(row.bpmn_process_id));
        if (!names) continue;
        const key = Number(row.process_definition_key);
        found.set(key, names);
        this.remember(key, names);
      }
    }
    return found;
  }

  private fromEngine(key: number): ElementNameMap | undefined {
    return this.lookups.elementNames?.(key);
  }

  private remember(key: number, names: ElementNameMap): void {
    this.cache.delete(key);
    this.cache.set(key, names);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as number);
  }
}

/**
 * The element names of one process of a deployed BPMN resource, read from the XML without the engine's validation
 * (a resource deployed by an older engine is read as it is); undefined when the XML cannot be read.
 */
export async function namesFromXml(xml: string, bpmnProcessId: string): Promise<ElementNameMap | undefined> {
  const { definitions } = await parseBpmnXml(xml).catch(() => ({ definitions: undefined }));
  if (!definitions) return undefined;
  const processes = elementList(definitions, 'rootElements').flatMap((root) =>
    root.$type === 'bpmn:Collaboration'
      ? elementList(root, 'participants').map((p) => elementProperty(p, 'processRef'))
      : [root],
  );
  const process = processes.find((p) => p?.$type === 'bpmn:Process' && p.id === bpmnProcessId);
  if (!process) return undefined;
  const names = new Map<string, string>();
  const collect = (element: ModdleElement): void => {
    if (element.id && typeof element.name === 'string' && element.name) names.set(element.id, element.name);
    for (const child of elementList(element, 'flowElements')) collect(child);
  };
  collect(process);
  return names;
}
