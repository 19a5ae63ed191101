/**
 * The collection rule sets (docs/business-rules.md §4 and §5.1, 1996 《供电营业规则》 art. 98; the 2024 revision's text
 * was not at hand, so every figure is a versioned row an administrator can replace): the penalty rates per customer
 * class, the grace period before a disconnection notice, and the notice periods.
 */
import { z } from 'zod';
import { defineRuleSet, type RuleSet } from '../billing';

const ART_98 = '《供电营业规则》(1996) 第九十八条';

/** Rates in per mille (‰) of the amount owed, a day; scope 'residential' or '*' (every other class). */
export const PENALTY_RATES = defineRuleSet({
  name: 'arrears-penalty-rates',
  title: '电费违约金比例',
  titleEn: 'late-payment penalty rates',
  schema: z
    .object({
      /** On arrears of the bill's own year (the year of its billing period). */
      currentYearPerMille: z.number().positive().max(10),
      /** On arrears from earlier years: the days of a bill falling in a later year than its period. */
      earlierYearsPerMille: z.number().positive().max(10),
      /** The least penalty of a late bill, in fen. */
      minimumFen: z.number().int().min(0),
    })
    .strict(),
  defaults: [
    {
      scope: 'residential',
      effectiveFrom: '1996-10-08',
      body: { currentYearPerMille: 1, earlierYearsPerMille: 1, minimumFen: 100 },
      source: `${ART_98}：居民用户每日按欠费总额的千分之一计算，最低 1 元`,
    },
    {
      effectiveFrom: '1996-10-08',
      body: { currentYearPerMille: 2, earlierYearsPerMille: 3, minimumFen: 100 },
      source: `${ART_98}：其他用户当年欠费每日千分之二，跨年度欠费每日千分之三，最低 1 元`,
    },
  ],
});

/** Days a bill may be overdue (after a reminder) before the disconnection notice goes out. */
export const ARREARS_GRACE = defineRuleSet({
  name: 'arrears-grace-period',
  title: '欠费停电宽限期',
  titleEn: 'grace period before a disconnection notice',
  schema: z.object({ graceDays: z.number().int().min(0).max(365) }).strict(),
  defaults: [
    {
      effectiveFrom: '1996-10-08',
      body: { graceDays: 30 },
      source: `${ART_98}：自逾期之日起计算超过 30 日，经催交仍未交付电费的，可按规定程序停止供电`,
    },
  ],
});

/**
 * Reminders (催费通知) before the notice: how many, and the days between two. A reminder that would fall after the
 * grace period has ended is not sent (the notice follows); payment stops the reminders at any point.
 */
export const ARREARS_REMINDERS = defineRuleSet({
  name: 'arrears-reminders',
  title: '欠费催缴次数与间隔',
  titleEn: 'reminders before a disconnection notice',
  schema: z
    .object({
      count: z.number().int().min(1).max(10),
      intervalDays: z.number().int().min(1).max(60),
    })
    .strict(),
  defaults: [
    {
      effectiveFrom: '1996-10-08',
      body: { count: 3, intervalDays: 10 },
      source: `${ART_98}："经催交仍未交付电费的"——催交次数与间隔条文未定，取宽限期内每 10 天催交一次（共 3 次），按本企业规定另立版本`,
    },
  ],
});

/** How far ahead the written notice goes (3 to 7 days) and the second notice before the cut, in minutes. */
export const DISCONNECTION_NOTICE = defineRuleSet({
  name: 'disconnection-notice',
  title: '停电通知期限',
  titleEn: 'disconnection notice periods',
  schema: z
    .object({
      noticeDays: z.number().int().min(3).max(7),
      secondNoticeMinutes: z
        .number()
        .int()
        .min(1)
        .max(24 * 60),
      /** The hour of the day (China time) a planned cut is set for. */
      cutHour: z.number().int().min(0).max(23),
    })
    .strict(),
  defaults: [
    {
      effectiveFrom: '1996-10-08',
      body: { noticeDays: 7, secondNoticeMinutes: 30, cutHour: 9 },
      source:
        '《供电营业规则》(1996) 第六十七条：停电前三至七天送达停电通知书（国家电网取 7 天），停电前 30 分钟再通知一次',
    },
  ],
});

export const COLLECTION_RULE_SETS = [
  PENALTY_RATES,
  ARREARS_GRACE,
  ARREARS_REMINDERS,
  DISCONNECTION_NOTICE,
] as RuleSet<unknown>[];

export type PenaltyRates = z.infer<typeof PENALTY_RATES.schema>;
