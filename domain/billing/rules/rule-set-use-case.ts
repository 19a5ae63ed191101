/**
 * The rule sets as the API shows them (each with its versions, the one in force today marked per scope) and a new
 * version added to one. A version takes effect today at the earliest: a bill already computed by a period's rules
 * must recompute the same way (a correction months later), so history is never rewritten.
 */
import { BillingRule } from '../../../db/billing/billing-models';
import { chinaDayOf, isDayString } from '../../../lib/calendar';
import { appClock } from '../../../lib/clock/app-clock';
import { businessRuleViolated, notFound } from '../../../lib/errors/app-error';
import { z } from '../../../lib/validation/zh-error-map';
import { addRuleVersion } from './rule-book';
import { RULE_SETS, ruleSetNamed } from './rule-sets';

export const ruleVersionInput = z
  .object({
    scope: z.string().trim().min(1).max(64).optional(),
    effectiveFrom: z.string().refine(isDayString, { message: '日期格式应为 YYYY-MM-DD / a day YYYY-MM-DD' }),
    body: z.unknown(),
    source: z.string().trim().min(2).max(255),
    reason: z.string().trim().min(2).max(500),
  })
  .strict();

const versionOf = (row: BillingRule, inForce: boolean) => ({
  id: row.id,
  scope: row.scope,
  effectiveFrom: row.effectiveFrom,
  body: row.body,
  source: row.source,
  reason: row.reason,
  createdBy: row.createdBy,
  createdAt: row.createdAt,
  inForce,
});

export async function listRuleSets() {
  const today = chinaDayOf(appClock.now());
  const rows = await BillingRule.findAll({
    order: [
      ['effectiveFrom', 'DESC'],
      ['id', 'DESC'],
    ],
  });
  return {
    items: RULE_SETS.map((set) => {
      const own = rows.filter((row) => row.ruleSet === set.name);
      const current = new Set<number>();
      for (const scope of new Set(own.map((row) => row.scope))) {
        const row = own.find((candidate) => candidate.scope === scope && candidate.effectiveFrom <= today);
        if (row) current.add(row.id);
      }
      return {
        name: set.name,
        title: set.title,
        titleEn: set.titleEn,
        versions: own.map((row) => versionOf(row, current.has(row.id))),
      };
    }),
  };
}

export async function addRuleSetVersion(name: string, input: z.infer<typeof ruleVersionInput>, actor: string) {
  const set = ruleSetNamed(name);
  if (!set) throw notFound('规则集 / rule set', name);
  const today = chinaDayOf(appClock.now());
  if (input.effectiveFrom < today)
    throw businessRuleViolated(
      'EFFECTIVE_IN_PAST',
      `新版本最早今日 ${today} 生效，不能追溯 / a new version takes effect today (${today}) at the earliest`,
      { earliest: today },
    );
  const row = await addRuleVersion(set, { ...input, body: input.body }, actor);
  return versionOf(row, input.effectiveFrom <= today);
}
