/**
 * What a model defines, read from its content: the process, decision or form ids and names. A content that does
 * not parse is refused with the parser's reason. Parsed with the moddles the engine's models use.
 */
import { BpmnModdle } from 'bpmn-moddle';
import { DmnModdle } from 'dmn-moddle';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { childElements, processes, type ModdleElement } from '../../lib/model-lint/moddle-walk';
import type { ModelKind } from './model-resources';

export interface Defined {
  id: string;
  name: string | null;
}

export interface ParsedModel {
  kind: ModelKind;
  /** The moddle root (BPMN and DMN); for forms the parsed JSON. */
  root: ModdleElement | Record<string, unknown>;
  defines: Defined[];
  warnings: string[];
}

const defined = (element: ModdleElement): Defined => ({ id: String(element.id), name: element.name ?? null });

export class UnreadableModel extends Error {}

async function parseXml(kind: 'bpmn' | 'dmn', content: string): Promise<ParsedModel> {
  const moddle = kind === 'bpmn' ? BpmnModdle({ zeebe: zeebeModdle }) : DmnModdle();
  let parsed;
  try {
    parsed = await moddle.fromXML(content);
  } catch (error) {
    throw new UnreadableModel((error as Error).message);
  }
  const root = parsed.rootElement as ModdleElement;
  const expected = kind === 'bpmn' ? 'bpmn:Definitions' : 'dmn:Definitions';
  if (root?.$type !== expected) throw new UnreadableModel(`not ${expected}`);
  const defines =
    kind === 'bpmn'
      ? processes(root).map(defined)
      : childElements(root, 'drgElement')
          .filter((element) => element.$type === 'dmn:Decision')
          .map(defined);
  const warnings = parsed.warnings.map((warning) => `${warning.element?.id ?? '-'}: ${warning.message}`);
  return { kind, root, defines, warnings };
}

function parseForm(content: string): ParsedModel {
  let form: Record<string, unknown>;
  try {
    form = JSON.parse(content) as Record<string, unknown>;
  } catch (error) {
    throw new UnreadableModel((error as Error).message);
  }
  if (typeof form?.id !== 'string' || !Array.isArray(form.components))
    throw new UnreadableModel('a form needs an "id" and "components"');
  return { kind: 'form', root: form, defines: [{ id: form.id, name: null }], warnings: [] };
}

export async function parseModel(kind: ModelKind, content: string): Promise<ParsedModel> {
  return kind === 'form' ? parseForm(content) : parseXml(kind, content);
}
