/**
 * A hit policy turns the matched rules of a decision table into the decision's output. Each family lives in
 * its own module (single hit, multiple hit, collect aggregation); this one picks the policy.
 */
import type { DecisionTable } from '../../model/executable-decision';
import { aggregate } from './collect-aggregation';
import { collect, outputOrder, ruleOrder } from './multiple-hit-policies';
import type { HitPolicyHandler, HitPolicyResult, RuleHit } from './rule-hit';
import { any, first, priority, unique } from './single-hit-policies';

const HANDLERS: Record<DecisionTable['hitPolicy'], HitPolicyHandler> = {
  UNIQUE: unique,
  FIRST: first,
  PRIORITY: priority,
  ANY: any,
  COLLECT: collect,
  'RULE ORDER': ruleOrder,
  'OUTPUT ORDER': outputOrder,
};

/** FIRST needs only the first matching rule, so the table evaluation can stop there. */
export function stopsAtFirstMatch(table: DecisionTable): boolean {
  return table.hitPolicy === 'FIRST';
}

export function applyHitPolicy(hits: RuleHit[], table: DecisionTable): HitPolicyResult {
  if (table.hitPolicy === 'COLLECT' && table.aggregation) return aggregate(hits, table.aggregation);
  return HANDLERS[table.hitPolicy](hits, table);
}
