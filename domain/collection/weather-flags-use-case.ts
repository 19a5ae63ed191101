/**
 * Extreme-weather days per area (高温、严寒、暴雨…), set by an administrator or a billing supervisor: on such a day
 * the disconnection decision (bpmn/billing/disconnection-allowed.dmn) spares residential customers of the area.
 */
import { Op } from 'sequelize';
import { WeatherFlag } from '../../db/collection/collection-models';
import { notFound } from '../../lib/errors/app-error';
import { parseId, parseInput, parseQuery } from '../../lib/validation/parse-input';
import { z } from '../../lib/validation/zh-error-map';
import { recordAudit } from '../audit';
import type { PaymentActor } from '../payments';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const weatherFlagInput = z
  .object({
    area: z.string().trim().min(2).max(32),
    day,
    kind: z.enum(['heat', 'cold', 'storm', 'other']),
    note: z.string().trim().max(255).optional(),
  })
  .strict();

const listQuery = z.object({ from: day.optional(), to: day.optional(), area: z.string().max(32).optional() });

const view = (flag: WeatherFlag) => ({
  id: flag.id,
  area: flag.area,
  day: flag.day,
  kind: flag.kind,
  note: flag.note,
  setBy: flag.setBy,
});

export async function listWeatherFlags(query: unknown) {
  const { from, to, area } = parseQuery(listQuery, query);
  const days = { ...(from ? { [Op.gte]: from } : {}), ...(to ? { [Op.lte]: to } : {}) };
  const flags = await WeatherFlag.findAll({
    where: { ...(area ? { area } : {}), ...(from || to ? { day: days } : {}) },
    order: [
      ['day', 'DESC'],
      ['area', 'ASC'],
    ],
    limit: 500,
  });
  return { items: flags.map(view) };
}

/** Sets the flag of an area and day (a second call for the same area and day changes it). */
export async function setWeatherFlag(body: unknown, actor: PaymentActor) {
  const input = parseInput(weatherFlagInput, body, '极端天气');
  const existing = await WeatherFlag.findOne({ where: { area: input.area, day: input.day } });
  const values = { kind: input.kind, note: input.note ?? null, setBy: actor.login };
  const flag = existing ? await existing.update(values) : await WeatherFlag.create({ ...input, ...values });
  await recordAudit({
    actor: actor.login,
    action: 'weather-flag.set',
    target: `weather:${input.area}/${input.day}`,
    address: actor.address,
    detail: input,
  });
  return view(flag);
}

export async function removeWeatherFlag(rawId: unknown, actor: PaymentActor) {
  const id = parseId(rawId, '极端天气 / weather flag');
  const flag = await WeatherFlag.findByPk(id);
  if (!flag) throw notFound('极端天气 / weather flag', id);
  await flag.destroy();
  await recordAudit({
    actor: actor.login,
    action: 'weather-flag.remove',
    target: `weather:${flag.area}/${flag.day}`,
    address: actor.address,
  });
}
