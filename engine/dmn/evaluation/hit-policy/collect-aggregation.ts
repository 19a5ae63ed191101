/**
 * COLLECT with an aggregation over the single output of the matching rules. COUNT counts the matching rules
 * (0 when none match); SUM, MIN and MAX skip null outputs and give null when nothing is left. SUM needs
 * numbers; MIN and MAX need numbers or strings, all of one kind.
 */
import type { CollectAggregation } from '../../model/executable-decision';
import { describeValue } from '../type-ref-check';
import type { HitPolicyResult, RuleHit } from './rule-hit';

export function aggregate(hits: RuleHit[], aggregation: CollectAggregation): HitPolicyResult {
  if (aggregation === 'COUNT') return { ok: true, output: hits.length, hits };
  const present = hits.filter((hit) => hit.output !== null && hit.output !== undefined);
  if (present.length === 0) return { ok: true, output: null, hits };
  const kind = aggregation === 'SUM' ? 'number' : typeof present[0].output;
  const wrong = present.find((hit) => typeof hit.output !== kind || (kind !== 'number' && kind !== 'string'));
  if (wrong) {
    const expected = aggregation === 'SUM' ? 'numbers' : 'numbers or strings (all of one kind)';
    return {
      ok: false,
      message:
        `the COLLECT ${aggregation} aggregation needs ${expected}, but rule '${wrong.rule.ruleId}' ` +
        `(rule ${wrong.rule.ruleIndex}) gave ${describeValue(wrong.output)}`,
    };
  }
  const values = present.map((hit) => hit.output as number | string);
  return { ok: true, output: combine(values, aggregation), hits };
}

function combine(values: (number | string)[], aggregation: Exclude<CollectAggregation, 'COUNT'>): number | string {
  if (aggregation === 'SUM') return (values as number[]).reduce((sum, value) => sum + value, 0);
  const pick = aggregation === 'MIN' ? (a: number | string, b: number | string) => (b < a ? b : a) : maxOf;
  return values.reduce(pick);
}

function maxOf(a: number | string, b: number | string): number | string {
  return b > a ? b : a;
}
