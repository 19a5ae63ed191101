/**
 * Labels of the billing API's codes: a run's state as its step along the billing cycle, anomaly rules, bill states,
 * review flags, line kinds and tariffs. A code the screen does not know yet is shown as it is.
 */
import type { MessageKey } from '../i18n/zh-CN';

/** The cycle's steps in order; each run state is at one of them. */
export const RUN_STEPS = [
  'plan',
  'readings',
  'readingReview',
  'anomalies',
  'billing',
  'billReview',
  'issue',
  'notify',
] as const;

const STEP_OF_STATE: Record<string, number> = {
  planned: 0,
  reading: 1,
  'reviewing-readings': 2,
  resolving: 3,
  billing: 4,
  'reviewing-bills': 5,
  issued: 6,
  notified: 7,
};

export const runStepIndex = (state: string): number => STEP_OF_STATE[state] ?? 0;

const KNOWN: Record<string, readonly string[]> = {
  'billing.anomaly.rule': ['zero-use', 'negative-use', 'jump', 'meter-changed', 'estimated', 'missing'],
  'billing.anomaly.status': ['open', 'resolved'],
  'billing.bill.status': ['draft', 'issued', 'void'],
  'billing.channel': ['counter', 'bank', 'app'],
  'billing.flag': ['sample', 'amount-over', 'change-over'],
  'billing.line': [
    'energy',
    'basic-capacity',
    'basic-demand',
    'basic-demand-excess',
    'basic-proration',
    'power-factor',
    'fund',
    'correction',
  ],
  'billing.tariff': ['residential-tiered', 'single-part', 'two-part', 'agricultural'],
};

/** `t` of `<group>.<code>` when the catalogue has it, else the code itself. */
export function codeLabel(t: (key: MessageKey) => string, group: keyof typeof KNOWN, code: string): string {
  return KNOWN[group].includes(code) ? t(`${group}.${code}` as MessageKey) : code;
}
