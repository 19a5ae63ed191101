/**
 * The rule tables administrators look up without changing them here: each step's time limit and the fee rates.
 * Each names the file in bpmn/ it is changed in (by a business analyst in the modeler, then deployed); the table
 * shown is the version the engine runs, read back from it.
 */
export type RuleTableKind = 'time-limit' | 'fee';

export interface RuleTableSource {
  decisionId: string;
  kind: RuleTableKind;
  /** The DMN file in the repository it is edited in. */
  file: string;
}

export const RULE_TABLES: RuleTableSource[] = [
  {
    decisionId: 'business-expansion-time-limits',
    kind: 'time-limit',
    file: 'bpmn/business-expansion/business-expansion-time-limits.dmn',
  },
  {
    decisionId: 'change-of-use-time-limits',
    kind: 'time-limit',
    file: 'bpmn/change-of-use/change-of-use-time-limits.dmn',
  },
  { decisionId: 'work-order-time-limits', kind: 'time-limit', file: 'bpmn/work-orders/work-order-time-limits.dmn' },
  { decisionId: 'high-reliability-fee', kind: 'fee', file: 'bpmn/business-expansion/high-reliability-fee.dmn' },
];
