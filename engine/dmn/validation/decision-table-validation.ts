/** Shape rules of a decision table that the hit policy and the result object depend on. */
import type { DmnProblem } from '../model/dmn-validation-error';
import type { DecisionTable } from '../model/executable-decision';

export function validateDecisionTable(decisionId: string, table: DecisionTable): DmnProblem[] {
  const problems: DmnProblem[] = [];
  const report = (message: string, elementId?: string) => problems.push({ decisionId, elementId, message });
  if (table.outputs.length > 1) {
    const seen = new Set<string>();
    for (const output of table.outputs) {
      if (!output.name?.trim()) {
        report('the output has no name, which a decision table with several outputs needs', output.id);
      } else if (seen.has(output.name)) {
        report(`the output name '${output.name}' is used by more than one output`, output.id);
      }
      if (output.name) seen.add(output.name);
    }
  }
  if (table.aggregation && table.hitPolicy !== 'COLLECT') {
    report(`the aggregation ${table.aggregation} is only allowed with the hit policy COLLECT, not ${table.hitPolicy}`);
  }
  if (table.aggregation && table.outputs.length > 1) {
    report(
      `the COLLECT ${table.aggregation} aggregation needs exactly one output, but the table has ${table.outputs.length}`,
    );
  }
  return problems;
}
