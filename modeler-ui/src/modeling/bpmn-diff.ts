/** What changed between two versions of a process, by element id, with bpmn-js-differ on the parsed models. */
import { BpmnModdle } from 'bpmn-moddle';
import { diff } from 'bpmn-js-differ';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';

export interface BpmnChanges {
  added: string[];
  removed: string[];
  changed: string[];
  layoutChanged: string[];
}

async function definitionsOf(xml: string) {
  return (await new BpmnModdle({ zeebe: zeebeModdle }).fromXML(xml)).rootElement;
}

export async function bpmnChanges(older: string, newer: string): Promise<BpmnChanges> {
  const changes = diff(await definitionsOf(older), await definitionsOf(newer));
  return {
    added: Object.keys(changes._added),
    removed: Object.keys(changes._removed),
    changed: Object.keys(changes._changed),
    layoutChanged: Object.keys(changes._layoutChanged),
  };
}
