/**
 * The business calendar's special days (read by everyone, changed by administrators) and a due-date calculator
 * that uses exactly what the time-limit workers use.
 */
import { CalendarDay } from '../../db/time-limits/time-limit-models';
import { TIME_UNITS, isDayString } from '../../lib/calendar';
import { loadBusinessCalendar } from './business-calendar-repository';
import { notFound } from '../../lib/errors/app-error';
import { z } from '../../lib/validation/zh-error-map';
import { parseInput } from '../../lib/validation/parse-input';

const day = z.string().refine(isDayString, '日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD');
const listInput = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
const dayInput = z.object({ kind: z.enum(['holiday', 'workday']), name: z.string().trim().min(1).max(64) });
const addInput = z.object({
  from: z.string().datetime({ offset: true }),
  amount: z.coerce.number().nonnegative(),
  unit: z.enum(TIME_UNITS),
});

const publicDay = (row: CalendarDay) => ({ date: row.date, kind: row.kind, name: row.name, year: row.year });

export async function listCalendarDays(query: unknown) {
  const { year } = parseInput(listInput, query, '日历查询');
  const rows = await CalendarDay.findAll({ where: year ? { year } : {}, order: [['date', 'ASC']] });
  return { items: rows.map(publicDay) };
}

export async function putCalendarDay(date: unknown, body: unknown) {
  const parsedDate = parseInput(day, date, '日期');
  const input = parseInput(dayInput, body, '日历日');
  await CalendarDay.upsert({ date: parsedDate, ...input, year: Number(parsedDate.slice(0, 4)) });
  return publicDay((await CalendarDay.findByPk(parsedDate))!);
}

export async function deleteCalendarDay(date: unknown): Promise<void> {
  const deleted = await CalendarDay.destroy({ where: { date: parseInput(day, date, '日期') } });
  if (deleted === 0) throw notFound('日历日 / calendar day', String(date));
}

export async function computeDueDate(query: unknown) {
  const input = parseInput(addInput, query, '时限计算');
  const calendar = await loadBusinessCalendar();
  return { dueDate: calendar.add(new Date(input.from), input.amount, input.unit).toISOString() };
}
