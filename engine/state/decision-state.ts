import type { DecisionRequirementsGraph } from '../dmn';
import type { DirtyTracker } from './dirty-tracker';
import type { Decision, DecisionRequirements } from './entities';

/** Deployed decision requirements graphs (DMN resources, with their parsed form) and their decisions. */
export class DecisionStore {
  private readonly drgs = new Map<number, DecisionRequirements>();
  private readonly graphs = new Map<number, DecisionRequirementsGraph>();
  private readonly decisions = new Map<number, Decision>();
  private readonly versions = new Map<string, Decision[]>();
  private readonly drgVersions = new Map<string, DecisionRequirements[]>();

  constructor(private readonly dirty: DirtyTracker) {}

  loadRequirements(drg: DecisionRequirements, graph: DecisionRequirementsGraph): void {
    this.drgs.set(drg.key, drg);
    this.graphs.set(drg.key, graph);
    pushSorted(this.drgVersions, drg.decisionRequirementsId, drg);
  }

  loadDecision(decision: Decision): void {
    this.decisions.set(decision.key, decision);
    pushSorted(this.versions, decision.decisionId, decision);
  }

  addRequirements(drg: DecisionRequirements, graph: DecisionRequirementsGraph): void {
    this.loadRequirements(drg, graph);
    this.dirty.put('decisionRequirements', drg.key, drg);
  }

  addDecision(decision: Decision): void {
    this.loadDecision(decision);
    this.dirty.put('decision', decision.key, decision);
  }

  /** Removes a decision requirements graph with its decisions; the previous versions become the latest. */
  removeRequirements(key: number): void {
    const drg = this.drgs.get(key);
    if (!drg) return;
    this.drgs.delete(key);
    this.graphs.delete(key);
    dropFrom(this.drgVersions, drg.decisionRequirementsId, key);
    this.dirty.delete('decisionRequirements', key);
    for (const decision of [...this.decisions.values()].filter((d) => d.decisionRequirementsKey === key)) {
      this.decisions.delete(decision.key);
      dropFrom(this.versions, decision.decisionId, decision.key);
      this.dirty.delete('decision', decision.key);
    }
  }

  decisionsOf(decisionRequirementsKey: number): Decision[] {
    return [...this.decisions.values()].filter((d) => d.decisionRequirementsKey === decisionRequirementsKey);
  }

  latestRequirements(decisionRequirementsId: string): DecisionRequirements | undefined {
    const list = this.drgVersions.get(decisionRequirementsId);
    return list?.[list.length - 1];
  }

  latest(decisionId: string): Decision | undefined {
    const list = this.versions.get(decisionId);
    return list?.[list.length - 1];
  }

  decision(key: number): Decision | undefined {
    return this.decisions.get(key);
  }

  requirements(key: number): DecisionRequirements | undefined {
    return this.drgs.get(key);
  }

  graph(decisionRequirementsKey: number): DecisionRequirementsGraph {
    const graph = this.graphs.get(decisionRequirementsKey);
    if (!graph) throw new Error(`no parsed DMN for decision requirements ${decisionRequirementsKey}`);
    return graph;
  }
}

function pushSorted<T extends { version: number }>(map: Map<string, T[]>, id: string, item: T): void {
  const list = map.get(id) ?? [];
  list.push(item);
  list.sort((a, b) => a.version - b.version);
  map.set(id, list);
}

function dropFrom<T extends { key: number }>(map: Map<string, T[]>, id: string, key: number): void {
  const list = (map.get(id) ?? []).filter((item) => item.key !== key);
  if (list.length) map.set(id, list);
  else map.delete(id);
}
