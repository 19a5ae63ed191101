/** Single-hit policies: at most one rule makes the output; no match gives null. */
import type { DecisionTable } from '../../model/executable-decision';
import { jsonEquals } from '../json-equality';
import { describeRules, type HitPolicyResult, type RuleHit } from './rule-hit';
import { sortByPriority } from './output-priority';

const NO_MATCH: HitPolicyResult = { ok: true, output: null, hits: [] };

/** UNIQUE: at most one rule may match. */
export function unique(hits: RuleHit[]): HitPolicyResult {
  if (hits.length === 0) return NO_MATCH;
  if (hits.length > 1) {
    return {
      ok: false,
      message:
        `the hit policy UNIQUE allows at most one matching rule and ${hits.length} rules matched: ` +
        describeRules(hits),
    };
  }
  return single(hits[0]);
}

/** FIRST: the first matching rule in table order. */
export function first(hits: RuleHit[]): HitPolicyResult {
  return hits.length === 0 ? NO_MATCH : single(hits[0]);
}

/** ANY: several rules may match if they all give the same output. */
export function any(hits: RuleHit[]): HitPolicyResult {
  if (hits.length === 0) return NO_MATCH;
  const different = hits.find((hit) => !jsonEquals(hit.output, hits[0].output));
  if (different) {
    return {
      ok: false,
      message:
        'the hit policy ANY allows several matching rules only with the same output, and ' +
        `${describeRules([hits[0], different])} give different outputs`,
    };
  }
  return single(hits[0]);
}

/** PRIORITY: the matching rule whose output comes first in the output values lists. */
export function priority(hits: RuleHit[], table: DecisionTable): HitPolicyResult {
  return hits.length === 0 ? NO_MATCH : single(sortByPriority(hits, table)[0]);
}

function single(hit: RuleHit): HitPolicyResult {
  return { ok: true, output: hit.output, hits: [hit] };
}
