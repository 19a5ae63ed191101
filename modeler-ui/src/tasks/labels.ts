/** Codes the processes carry, named in the chosen language where the app knows them (else the code itself). */
import type { I18n } from '../i18n/I18nProvider';
import { zhCN, type MessageKey } from '../i18n/zh-CN';

/** The catalogues' groups of code names: `<group>.<code>`. */
type CodeGroup =
  | 'businessType'
  | 'category'
  | 'applicationState'
  | 'elementState'
  | 'customerClass'
  | 'billing.anomaly.rule'
  | 'billing.anomaly.status'
  | 'billing.bill.status'
  | 'billing.channel'
  | 'billing.flag'
  | 'billing.line'
  | 'billing.tariff'
  | 'billing.import';

export function codeLabel(group: CodeGroup, code: string | null | undefined, t: I18n['t']): string {
  if (!code) return '';
  const key = `${group}.${code}`;
  return key in zhCN ? t(key as MessageKey) : code;
}

export const businessTypeLabel = (code: string | null, t: I18n['t']): string => codeLabel('businessType', code, t);

/** Zeebe priorities run 0–100; the processes use 50 as normal. */
export function priorityLabel(priority: number | undefined, t: I18n['t']): string {
  const value = priority ?? 50;
  if (value > 50) return t('tasks.priority.high');
  if (value < 50) return t('tasks.priority.low');
  return t('tasks.priority.normal');
}

/** The business types each area's cases carry (the API's `businessType` filter needs the area with it). */
export const BUSINESS_TYPES: Record<string, readonly string[]> = {
  'business-expansion': ['new', 'increase'],
  'change-of-use': [
    'suspend',
    'suspend-resume',
    'capacity-reduction',
    'reduction-resume',
    'temporary-swap',
    'relocation',
    'meter-move',
    'temporary-removal',
    'rename',
    'transfer',
    'split',
    'merge',
    'close',
    'voltage-change',
    'category-change',
    'temporary-supply',
  ],
  'work-order': [
    'consultation',
    'query',
    'fault-repair',
    'complaint',
    'report',
    'suggestion',
    'opinion',
    'praise',
    'service-request',
    'urging',
  ],
};
