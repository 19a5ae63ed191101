/**
 * The tariff terms an account opened by a 业扩 connection starts on (decision 0062), as rule data: the power-factor
 * standard by category, capacity and voltage (〔83〕水电财字第215号: 0.90 for high-voltage industry from 160 kVA,
 * 0.85 for other users from 100 kVA, 0.80 for agriculture from 100 kVA), and what a scheme that left the choice to
 * the customer (100–315 kVA) is billed by until a clerk records it.
 */
import { z } from 'zod';
import { defineRuleSet } from '../../rules';

export const openingTermsSchema = z
  .object({
    /** The first row that fits gives the standard; none fits: no adjustment. */
    powerFactor: z
      .array(
        z
          .object({
            category: z.string().min(1),
            minKva: z.number().nonnegative(),
            highVoltageOnly: z.boolean(),
            standard: z.enum(['0.90', '0.85', '0.80']),
          })
          .strict(),
      )
      .min(1),
    customerChoiceKind: z.enum(['single-part', 'two-part']),
  })
  .strict();
export type OpeningTermsRule = z.infer<typeof openingTermsSchema>;

export const OPENING_TERMS = defineRuleSet<OpeningTermsRule>({
  name: 'opening-tariff-terms',
  title: '新装用户初始电价条件',
  titleEn: 'tariff terms of a newly connected account',
  schema: openingTermsSchema,
  defaults: [
    {
      effectiveFrom: '1983-12-02',
      body: {
        powerFactor: [
          { category: 'agricultural', minKva: 100, highVoltageOnly: false, standard: '0.80' },
          { category: 'industrial', minKva: 160, highVoltageOnly: true, standard: '0.90' },
          { category: '*', minKva: 100, highVoltageOnly: false, standard: '0.85' },
        ],
        customerChoiceKind: 'single-part',
      },
      source:
        '《功率因数调整电费办法》〔83〕水电财字第215号：高压供电工业用户 160 kVA 及以上 0.90，其他 100 kVA 及以上 0.85，农业 100 kVA 及以上 0.80；居民不执行。客户未选时按单一制为本企业默认，可另立版本',
    },
  ],
});
