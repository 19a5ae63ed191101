/**
 * Time-of-use prices (分时电价): the flat price is the category's energy price; peak and valley are ratios of it,
 * critical peak a ratio of peak in the months it applies. The hours of each period are kept with the ratios for the
 * metering side and the reader; billing uses the registers the meter already split.
 */
import { z } from 'zod';
import { defineRuleSet } from '../../rules';

const hour = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/);

export const timeOfUseSchema = z.object({
  ratios: z.object({ peak: z.number().positive(), flat: z.number().positive(), valley: z.number().positive() }),
  criticalPeak: z.object({
    /** Critical-peak price as a multiple of the peak price (≥ 1.2 by the NDRC 2021 notice). */
    overPeak: z.number().positive(),
    /** Months (1–12) in which critical-peak hours apply; outside them the register is billed at peak. */
    months: z.array(z.number().int().min(1).max(12)),
  }),
  periods: z.array(
    z.object({
      period: z.enum(['criticalPeak', 'peak', 'flat', 'valley']),
      from: hour,
      to: hour,
      months: z.array(z.number().int().min(1).max(12)).optional(),
    }),
  ),
});
export type TimeOfUse = z.infer<typeof timeOfUseSchema>;

export const TIME_OF_USE = defineRuleSet<TimeOfUse>({
  name: 'time-of-use',
  title: '分时电价系数与时段',
  titleEn: 'Time-of-use ratios and periods',
  schema: timeOfUseSchema,
  defaults: [
    {
      effectiveFrom: '2024-06-01',
      body: {
        ratios: { peak: 1.72, flat: 1, valley: 0.45 },
        criticalPeak: { overPeak: 1.2, months: [1, 7, 8, 12] },
        periods: [
          { period: 'peak', from: '10:00', to: '14:00' },
          { period: 'peak', from: '17:00', to: '21:00' },
          { period: 'flat', from: '07:00', to: '10:00' },
          { period: 'flat', from: '14:00', to: '17:00' },
          { period: 'flat', from: '21:00', to: '23:00' },
          { period: 'valley', from: '23:00', to: '24:00' },
          { period: 'valley', from: '00:00', to: '07:00' },
          { period: 'criticalPeak', from: '20:00', to: '21:00', months: [1, 7, 8, 12] },
        ],
      },
      source:
        '河南工商业分时电价 豫发改价管〔2024〕283号：峰平谷 1.72:1:0.45，尖峰为峰段 1.2 倍（1、7、8、12 月）；系数见 docs/business-rules.md §5.1，时段为示例，按文件核对后另立版本',
    },
  ],
});
