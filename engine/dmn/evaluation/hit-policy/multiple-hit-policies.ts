/** Multiple-hit policies without aggregation: the outputs of all matching rules as a list ([] for no match). */
import type { DecisionTable } from '../../model/executable-decision';
import type { HitPolicyResult, RuleHit } from './rule-hit';
import { sortByPriority } from './output-priority';

/** COLLECT: every matching rule; this engine keeps rule order (DMN leaves the order open). */
export function collect(hits: RuleHit[]): HitPolicyResult {
  return list(hits);
}

/** RULE ORDER: every matching rule, in table order. */
export function ruleOrder(hits: RuleHit[]): HitPolicyResult {
  return list(hits);
}

/** OUTPUT ORDER: every matching rule, by decreasing output priority (output values lists). */
export function outputOrder(hits: RuleHit[], table: DecisionTable): HitPolicyResult {
  return list(sortByPriority(hits, table));
}

function list(hits: RuleHit[]): HitPolicyResult {
  return { ok: true, output: hits.map((hit) => hit.output), hits };
}
