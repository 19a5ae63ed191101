/** What the hit policies work on: matched rules with their outputs, and what they give back. */
import type { DecisionTable } from '../../model/executable-decision';
import type { MatchedRule } from '../decision-evaluation';

/** A matched rule with its output: the single output's value, or an object keyed by the output names. */
export interface RuleHit {
  rule: MatchedRule;
  output: unknown;
}

/** `hits` are the rules that made the output (e.g. only the first one for FIRST). */
export type HitPolicyResult = { ok: true; output: unknown; hits: RuleHit[] } | { ok: false; message: string };

export type HitPolicyHandler = (hits: RuleHit[], table: DecisionTable) => HitPolicyResult;

/** "'Rule_a' (rule 1) and 'Rule_b' (rule 3)". */
export function describeRules(hits: RuleHit[]): string {
  const names = hits.map((hit) => `'${hit.rule.ruleId}' (rule ${hit.rule.ruleIndex})`);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : (names[0] ?? '');
}
