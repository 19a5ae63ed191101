/** The requirement graph: unique decision ids, required decisions that exist, and no cycle. */
import type { DmnProblem } from '../model/dmn-validation-error';
import type { ExecutableDecision } from '../model/executable-decision';

export function validateRequirements(decisions: ExecutableDecision[]): DmnProblem[] {
  const problems: DmnProblem[] = [];
  const byId = new Map<string, ExecutableDecision>();
  for (const decision of decisions) {
    if (byId.has(decision.id)) problems.push({ decisionId: decision.id, message: 'the decision id is used twice' });
    byId.set(decision.id, decision);
  }
  for (const decision of decisions) {
    for (const requiredId of decision.requiredDecisionIds) {
      if (!byId.has(requiredId)) {
        problems.push({
          decisionId: decision.id,
          message: `it requires the decision '${requiredId}', which does not exist in this file`,
        });
      }
    }
  }
  const cycle = findCycle(decisions, byId);
  if (cycle) {
    problems.push({
      decisionId: cycle[0],
      message: `the required decisions form a cycle: ${cycle.map((id) => `'${id}'`).join(' → ')}`,
    });
  }
  return problems;
}

/** Depth-first search; the first cycle found as a path that ends where it starts. */
function findCycle(decisions: ExecutableDecision[], byId: Map<string, ExecutableDecision>): string[] | undefined {
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (done.has(id)) return undefined;
    const onPath = path.indexOf(id);
    if (onPath >= 0) return [...path.slice(onPath), id];
    path.push(id);
    for (const requiredId of byId.get(id)?.requiredDecisionIds ?? []) {
      const cycle = byId.has(requiredId) ? visit(requiredId) : undefined;
      if (cycle) return cycle;
    }
    path.pop();
    done.add(id);
    return undefined;
  };
  for (const decision of decisions) {
    const cycle = visit(decision.id);
    if (cycle) return cycle;
  }
  return undefined;
}
