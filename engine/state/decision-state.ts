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
