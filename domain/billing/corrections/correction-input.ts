/** What a correction (电费退补) request carries: why, and the use the bill should have been computed from. */
import { z } from '../../../lib/validation/zh-error-map';

const quantity = z.number().min(0).max(1_000_000_000);

export const meteredUseInput = z
  .object({
    energyKwh: z
      .object({
        total: quantity,
        peak: quantity.optional(),
        flat: quantity.optional(),
        valley: quantity.optional(),
        criticalPeak: quantity.optional(),
      })
      .strict(),
    reactiveKvarh: quantity.optional(),
    maxDemandKw: quantity.optional(),
  })
  .strict();

export const correctionInput = z
  .object({ reason: z.string().trim().min(2).max(500), correctedUse: meteredUseInput })
  .strict();
export type CorrectionInput = z.infer<typeof correctionInput>;

export const decisionInput = z.object({ approved: z.boolean(), comment: z.string().max(500).optional() });
