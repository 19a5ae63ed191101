/**
 * The rules billing works by (tariffs, factor tables, penalty rates, anomaly thresholds …), kept as data versioned
 * by effective day in `billing_rules`: changing a rule adds a row that takes effect on its day, so a bill can
 * always be recomputed by the rules of its own period. Each rule set declares the shape of its rows and the
 * defaults seeded at start, each with its source (docs/business-rules.md §4–§5).
 */
import { Op, type Transaction } from 'sequelize';
import type { z } from 'zod';
import { BillingRule } from '../../../db/billing/billing-models';
import { AppError, validationError } from '../../../lib/errors/app-error';
import { recordAudit } from '../../audit';

/** The scope a row applies to when none more particular is given. */
export const ANY_SCOPE = '*';

export interface RuleDefault<T> {
  scope?: string;
  effectiveFrom: string;
  body: T;
  source: string;
}

export interface RuleSet<T> {
  /** The key in `billing_rules.rule_set`, e.g. 'residential-tiers'. */
  name: string;
  title: string;
  titleEn: string;
  schema: z.ZodType<T>;
  /** Seeded where the set has no row for that scope yet; administrators' rows are never overwritten. */
  defaults: RuleDefault<T>[];
}

export const defineRuleSet = <T>(set: RuleSet<T>): RuleSet<T> => set;

/** A stored row as the book reads it. */
export type RuleRow = Pick<BillingRule, 'id' | 'ruleSet' | 'scope' | 'effectiveFrom' | 'body' | 'source'>;

export interface RuleInForce<T> {
  id: number;
  scope: string;
  effectiveFrom: string;
  body: T;
  source: string;
}

/**
 * Rows of rule sets read once, answering which row is in force on a day. A billing run loads one book and
 * computes thousands of bills from memory; a single use case may load one for a single set.
 */
export class RuleBook {
  private readonly parsed = new Map<string, RuleInForce<unknown>>();

  private constructor(private readonly rows: Map<string, RuleRow[]>) {}

  static async load(sets: RuleSet<unknown>[], transaction?: Transaction): Promise<RuleBook> {
    const rows = await BillingRule.findAll({
      where: { ruleSet: { [Op.in]: sets.map((set) => set.name) } },
      transaction,
    });
    return RuleBook.of(rows);
  }

  /** A book of rows at hand (a unit test's test data, a rule being previewed), as `load` would read them. */
  static of(rows: RuleRow[]): RuleBook {
    const bySetAndScope = new Map<string, RuleRow[]>();
    for (const row of [...rows].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))) {
      const key = `${row.ruleSet}\u0000${row.scope}`;
      bySetAndScope.set(key, [...(bySetAndScope.get(key) ?? []), row]);
    }
    return new RuleBook(bySetAndScope);
  }

  /** The row of `set` in force on `day` for `scope`, else for every scope; a clear error when there is none. */
  inForce<T>(set: RuleSet<T>, scope: string, day: string): RuleInForce<T> {
    const row = this.find(set, scope, day) ?? (scope === ANY_SCOPE ? undefined : this.find(set, ANY_SCOPE, day));
    if (!row)
      throw new AppError(
        422,
        'RULE_NOT_IN_FORCE',
        `${day} 无适用的${set.title}（范围 ${scope}）/ no ${set.titleEn} in force on ${day} for ${scope}`,
      );
    // A billing run asks for the same rows for every bill: each row is checked against its schema once.
    const key = `${set.name}\u0000${row.id}`;
    if (!this.parsed.has(key))
      this.parsed.set(key, {
        id: row.id,
        scope: row.scope,
        effectiveFrom: row.effectiveFrom,
        body: set.schema.parse(row.body),
        source: row.source,
      });
    return this.parsed.get(key) as RuleInForce<T>;
  }

  private find(set: RuleSet<unknown>, scope: string, day: string): RuleRow | undefined {
    return this.rows.get(`${set.name}\u0000${scope}`)?.find((row) => row.effectiveFrom <= day);
  }
}

export interface NewRuleVersion {
  scope?: string;
  effectiveFrom: string;
  body: unknown;
  source: string;
  reason: string;
}

/** Adds a version of a rule (checked against its set's schema) and writes it to the audit log. */
export async function addRuleVersion<T>(set: RuleSet<T>, input: NewRuleVersion, actor: string): Promise<BillingRule> {
  const parsed = set.schema.safeParse(input.body);
  if (!parsed.success)
    throw validationError(`${set.title}不符合格式 / ${set.titleEn} is not well formed`, parsed.error.issues);
  const scope = input.scope ?? ANY_SCOPE;
  const taken = await BillingRule.count({ where: { ruleSet: set.name, scope, effectiveFrom: input.effectiveFrom } });
  if (taken > 0)
    throw new AppError(
      409,
      'RULE_VERSION_EXISTS',
      `${set.title}在 ${input.effectiveFrom} 已有版本；请另选生效日 / ${set.titleEn} already has a version taking effect on ${input.effectiveFrom}`,
    );
  const row = await BillingRule.create({
    ruleSet: set.name,
    scope,
    effectiveFrom: input.effectiveFrom,
    body: parsed.data,
    source: input.source,
    reason: input.reason,
    createdBy: actor,
  });
  await recordAudit({
    actor,
    action: 'billing-rule.add',
    target: `${set.name}/${scope}/${input.effectiveFrom}`,
    detail: { reason: input.reason, source: input.source },
  });
  return row;
}

/** Seeds each set's defaults where the set has no row for that scope: a start never overwrites an edit. */
export async function seedDefaultRules(sets: RuleSet<unknown>[]): Promise<void> {
  for (const set of sets)
    for (const fallback of set.defaults) {
      const scope = fallback.scope ?? ANY_SCOPE;
      if ((await BillingRule.count({ where: { ruleSet: set.name, scope } })) > 0) continue;
      await BillingRule.create({
        ruleSet: set.name,
        scope,
        effectiveFrom: fallback.effectiveFrom,
        body: set.schema.parse(fallback.body),
        source: fallback.source,
        reason: null,
        createdBy: 'system',
      });
    }
}
