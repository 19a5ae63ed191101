/**
 * Everything platform/deploy-models.ts deploys from bpmn/, parsed once: BPMN definitions (with the Zeebe
 * extensions), DMN decisions and Camunda forms, so the model tests check exactly the deployed set.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import { DmnModdle } from 'dmn-moddle';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { modelFiles } from '../../platform/deploy-models';
import { childElements, type ModdleElement } from '../../lib/model-lint/moddle-walk';

export interface BpmnModel {
  file: string;
  xml: string;
  definitions: ModdleElement;
  parseWarnings: string[];
}

export interface DmnDecision {
  file: string;
  id: string;
  name?: string;
}

export interface FormFile {
  file: string;
  text: string;
}

export interface ModelInventory {
  bpmn: BpmnModel[];
  decisions: DmnDecision[];
  forms: FormFile[];
}

const REPO_ROOT = join(__dirname, '..', '..');

export async function parseBpmn(file: string, xml: string): Promise<BpmnModel> {
  const { rootElement, warnings } = await BpmnModdle({ zeebe: zeebeModdle }).fromXML(xml);
  return {
    file,
    xml,
    definitions: rootElement as ModdleElement,
    parseWarnings: warnings.map((warning) => `${warning.element?.id ?? '-'}: ${warning.message}`),
  };
}

async function parseDecisions(file: string, xml: string): Promise<DmnDecision[]> {
  const { rootElement } = await DmnModdle().fromXML(xml);
  return childElements(rootElement as ModdleElement, 'drgElement')
    .filter((element) => element.$type === 'dmn:Decision')
    .map((decision) => ({ file, id: String(decision.id), name: decision.name }));
}

export async function loadInventory(files = modelFiles()): Promise<ModelInventory> {
  const inventory: ModelInventory = { bpmn: [], decisions: [], forms: [] };
  for (const path of files) {
    const file = relative(REPO_ROOT, path);
    const text = readFileSync(path, 'utf8');
    if (file.endsWith('.bpmn')) inventory.bpmn.push(await parseBpmn(file, text));
    else if (file.endsWith('.dmn')) inventory.decisions.push(...(await parseDecisions(file, text)));
    else inventory.forms.push({ file, text });
  }
  return inventory;
}
