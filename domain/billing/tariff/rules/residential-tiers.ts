/**
 * Residential tiered tariff (阶梯电价): three tiers by monthly or yearly use, per province. A yearly basis counts
 * the use billed earlier in the same year (Shanghai); a monthly one starts again every month (Henan).
 */
import { z } from 'zod';
import { defineRuleSet } from '../../rules';

const tier = z.object({
  /** The tier ends here (kWh, inclusive); null for the last, open tier. */
  upToKwh: z.number().positive().nullable(),
  pricePerKwh: z.number().nonnegative(),
});

export const residentialTiersSchema = z
  .object({ basis: z.enum(['monthly', 'yearly']), tiers: z.array(tier).min(1) })
  .refine((body) => body.tiers.at(-1)?.upToKwh === null, { message: 'the last tier is open (upToKwh null)' })
  .refine(
    (body) =>
      body.tiers.slice(0, -1).every((t, i, all) => t.upToKwh !== null && (i === 0 || t.upToKwh > all[i - 1].upToKwh!)),
    { message: 'tier thresholds rise' },
  );
export type ResidentialTiers = z.infer<typeof residentialTiersSchema>;

export const RESIDENTIAL_TIERS = defineRuleSet<ResidentialTiers>({
  name: 'residential-tiers',
  title: '居民阶梯电价',
  titleEn: 'Residential tiered tariff',
  schema: residentialTiersSchema,
  defaults: [
    {
      effectiveFrom: '2012-07-01',
      body: {
        basis: 'monthly',
        tiers: [
          { upToKwh: 180, pricePerKwh: 0.56 },
          { upToKwh: 260, pricePerKwh: 0.61 },
          { upToKwh: null, pricePerKwh: 0.86 },
        ],
      },
      source:
        '河南居民阶梯电价（按月）示例 0–180/181–260/>260 kWh；见 docs/business-rules.md §5.1；各省按本省文件另立版本',
    },
    {
      scope: 'SH',
      effectiveFrom: '2012-07-01',
      body: {
        basis: 'yearly',
        tiers: [
          { upToKwh: 3120, pricePerKwh: 0.617 },
          { upToKwh: 4800, pricePerKwh: 0.677 },
          { upToKwh: null, pricePerKwh: 0.977 },
        ],
      },
      source:
        '上海居民阶梯电价（按年）0–3120/3120–4800/>4800 kWh（docs/business-rules.md §5）；单价为上海非分时一户一表价，使用前按沪发改价文件核对',
    },
  ],
});
