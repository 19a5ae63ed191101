/**
 * Priority of a rule for PRIORITY and OUTPUT ORDER: the position of each output value in that output's
 * output values list (earlier = higher priority), compared output by output. A value not in the list ranks
 * after every listed one; outputs without a list do not count. Ties keep rule order.
 */
import type { DecisionTable } from '../../model/executable-decision';
import { jsonEquals } from '../json-equality';
import type { RuleHit } from './rule-hit';

export function sortByPriority(hits: RuleHit[], table: DecisionTable): RuleHit[] {
  const ranked = hits.map((hit, order) => ({ hit, order, rank: rank(hit, table) }));
  ranked.sort((a, b) => compareRanks(a.rank, b.rank) || a.order - b.order);
  return ranked.map(({ hit }) => hit);
}

function rank(hit: RuleHit, table: DecisionTable): number[] {
  return table.outputs.flatMap((output, index) => {
    if (!output.outputValues) return [];
    const value = hit.rule.evaluatedOutputs[index]?.outputValue;
    const position = output.outputValues.findIndex((candidate) => jsonEquals(candidate, value));
    return [position >= 0 ? position : output.outputValues.length];
  });
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i] - b[i];
  }
  return 0;
}
