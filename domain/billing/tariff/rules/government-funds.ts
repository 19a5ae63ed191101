/**
 * Government funds and surcharges (政府性基金及附加) per kWh and category, per province. Residential and
 * agricultural catalogue prices already include them, so their defaults list none; a province that bills them
 * apart adds rows. They are not part of the power-factor adjustment.
 */
import { z } from 'zod';
import { defineRuleSet } from '../../rules';

export const governmentFundsSchema = z.object({
  funds: z.array(
    z.object({
      code: z.string().min(1),
      name: z.string().min(1),
      /** Categories it is charged on; '*' for all. */
      categories: z.array(z.string().min(1)).min(1),
      perKwh: z.number().nonnegative(),
    }),
  ),
});
export type GovernmentFunds = z.infer<typeof governmentFundsSchema>;

export const GOVERNMENT_FUNDS = defineRuleSet<GovernmentFunds>({
  name: 'government-funds',
  title: '政府性基金及附加',
  titleEn: 'Government funds and surcharges',
  schema: governmentFundsSchema,
  defaults: [
    {
      effectiveFrom: '2016-01-01',
      body: {
        funds: [
          {
            code: 'renewable-energy',
            name: '可再生能源电价附加',
            categories: ['industrial', 'commercial'],
            perKwh: 0.019,
          },
        ],
      },
      source:
        '可再生能源电价附加 1.9 分/kWh（财建〔2016〕4号，居民与农业生产用电不征）；其他基金（重大水利工程建设基金、水库移民后期扶持资金等）各省标准不同，按本省文件另立版本',
    },
  ],
});

export const fundsFor = (table: GovernmentFunds, category: string) =>
  table.funds.filter((fund) => fund.categories.includes('*') || fund.categories.includes(category));
