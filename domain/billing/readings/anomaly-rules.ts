/**
 * The reading review's rules as data (rule set 'reading-anomalies', versioned in billing_rules): which checks are on,
 * the jump factor and the months it averages over, and whose task each kind of anomaly becomes. `findAnomalies` is
 * pure: the review (review-readings-use-case.ts) hands it one account's figures and saves what it answers.
 */
import { z } from 'zod';
import { defineRuleSet } from '../rules';

export const ANOMALY_RULES = ['missing', 'zero-use', 'negative-use', 'jump', 'meter-changed', 'estimated'] as const;
export type AnomalyRule = (typeof ANOMALY_RULES)[number];

const anomalyRulesSchema = z
  .object({
    /** The checks that are on. */
    checks: z.array(z.enum(ANOMALY_RULES)),
    /** A month's use above `jumpFactor` × the average of the previous `averageMonths` months is a jump … */
    jumpFactor: z.number().positive(),
    averageMonths: z.number().int().min(1).max(12),
    /** … when that average is at least this many kWh (a near-empty house switching on is no anomaly). */
    jumpMinimumAverageKwh: z.number().min(0),
    /** Whose task each anomaly becomes: a meter reader re-reads on site, a billing clerk corrects or estimates. */
    roles: z.record(z.enum(ANOMALY_RULES), z.enum(['meter-reader', 'billing-clerk'])),
  })
  .strict();
export type AnomalyRules = z.infer<typeof anomalyRulesSchema>;

export const READING_ANOMALY_RULES = defineRuleSet<AnomalyRules>({
  name: 'reading-anomalies',
  title: '抄表异常规则',
  titleEn: 'Reading anomaly rules',
  schema: anomalyRulesSchema,
  defaults: [
    {
      effectiveFrom: '2020-01-01',
      body: {
        checks: [...ANOMALY_RULES],
        jumpFactor: 3,
        averageMonths: 3,
        jumpMinimumAverageKwh: 10,
        roles: {
          missing: 'meter-reader',
          'zero-use': 'meter-reader',
          'negative-use': 'meter-reader',
          jump: 'meter-reader',
          'meter-changed': 'billing-clerk',
          estimated: 'billing-clerk',
        },
      },
      source: '本地规则, 默认参数 (抄表质量管理; 由电费主管按本单位规定修改)',
    },
  ],
});

/** One account's active-energy figures for the period under review. */
export interface AccountReadingFacts {
  accountId: number;
  /** The period's total-register reading, when there is one. */
  current: { meterId: number; value: number; source: string } | null;
  /** The previous period's total-register reading of the same meter (null for a new meter). */
  previousValue: number | null;
  /** The meters with a reading in this period and in the previous one. */
  metersNow: number[];
  metersBefore: number[];
  /** The use of the previous months, the nearest first (undefined where unknown). */
  history: (number | undefined)[];
}

export interface FoundAnomaly {
  accountId: number;
  meterId: number | null;
  register: 'total';
  rule: AnomalyRule;
  role: string;
  detail: Record<string, unknown>;
}

export function findAnomalies(facts: AccountReadingFacts, rules: AnomalyRules): FoundAnomaly[] {
  const found: FoundAnomaly[] = [];
  const add = (rule: AnomalyRule, detail: Record<string, unknown>) => {
    if (rules.checks.includes(rule))
      found.push({
        accountId: facts.accountId,
        meterId: facts.current?.meterId ?? null,
        register: 'total',
        rule,
        role: rules.roles[rule] ?? 'billing-clerk',
        detail,
      });
  };
  const { current } = facts;
  if (!current) {
    add('missing', {});
    return found;
  }
  if (current.source === 'estimated') add('estimated', { value: current.value });
  const changed =
    facts.metersNow.length > 1 || (facts.metersBefore.length > 0 && !facts.metersBefore.includes(current.meterId));
  if (changed) add('meter-changed', { metersBefore: facts.metersBefore, metersNow: facts.metersNow });
  // A changed meter's use is not the difference of two registers: the person deciding it sets the use.
  if (changed) return found;
  // No reading of last month: the whole register would be billed as this month's use. A person confirms it (a new
  // meter starts from zero) or corrects it.
  if (facts.previousValue === null) {
    add('missing', { previousMissing: true, current: current.value });
    return found;
  }
  const use = current.value - facts.previousValue;
  if (use < 0) add('negative-use', { use, previous: facts.previousValue, current: current.value });
  else if (use === 0) add('zero-use', { previous: facts.previousValue, current: current.value });
  else {
    const known = facts.history.slice(0, rules.averageMonths).filter((value): value is number => value !== undefined);
    const average = known.length > 0 ? known.reduce((sum, value) => sum + value, 0) / known.length : undefined;
    if (average !== undefined && average >= rules.jumpMinimumAverageKwh && use > rules.jumpFactor * average)
      add('jump', { use, average: Math.round(average * 100) / 100, factor: rules.jumpFactor, months: known.length });
  }
  return found;
}
