/**
 * The business calendar's special days and years (read by everyone, changed by administrators) and a due-date
 * calculator that uses exactly what the time-limit workers use. Every change recomputes the open due dates it
 * moves (api/time-limits, decision 0018).
 */
import { CalendarDay, CalendarYear } from '../../db/time-limits/time-limit-models';
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { appClock } from '../../lib/clock/app-clock';
import { TIME_UNITS, dueDateNotice, isDayString, statutoryRulesFor, yearOf } from '../../lib/calendar';
import { loadBusinessCalendar } from './business-calendar-repository';
import { notFound } from '../../lib/errors/app-error';
import { z } from '../../lib/validation/zh-error-map';
import { parseInput, parseQuery } from '../../lib/validation/parse-input';
import { recordAudit } from '../audit';
import { recomputeOpenDueDates, type RecomputeResult } from './recompute-due-dates-use-case';

const day = z.string().refine(isDayString, '日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD');
const year = z.coerce.number().int().min(2000).max(2100);
const listInput = z.object({ year: year.optional() });
const dayInput = z.object({ kind: z.enum(['holiday', 'workday']), name: z.string().trim().min(1).max(64) });
const yearInput = z.object({ notice: z.string().trim().min(1).max(255) });
const addInput = z.object({
  from: z.string().datetime({ offset: true }),
  amount: z.coerce.number().nonnegative(),
  unit: z.enum(TIME_UNITS),
});

/** Who changes the calendar, and the engine whose open tasks follow the change. */
export interface CalendarEditor {
  camunda: CamundaClients;
  login: string;
  /** The client's address, for the audit log. */
  address?: string;
}

/** What a calendar change is, for the audit log: its code and the day or year it touched. */
interface CalendarAuditEntry {
  action: 'calendar.day-set' | 'calendar.day-remove' | 'calendar.year-publish' | 'calendar.year-unpublish';
  target: string;
  detail?: Record<string, unknown>;
}

const publicDay = (row: CalendarDay) => ({ date: row.date, kind: row.kind, name: row.name, year: row.year });
const KIND_NAMES = { holiday: ['休息日', 'rest day'], workday: ['工作日', 'working day'] } as const;

/**
 * Applies `edit`, audits it, then recomputes the open due dates it moved, with `reason` in the case history (the
 * audit entry carries how many moved).
 */
async function changeCalendar(
  editor: CalendarEditor,
  firstDay: string,
  reason: string,
  audit: CalendarAuditEntry,
  edit: () => Promise<void>,
): Promise<RecomputeResult> {
  const before = await loadBusinessCalendar();
  await edit();
  const after = await loadBusinessCalendar();
  const recomputed = await recomputeOpenDueDates(editor.camunda, {
    before,
    after,
    firstDay,
    reason,
    changedBy: editor.login,
  });
  await recordAudit({
    actor: editor.login,
    action: audit.action,
    target: audit.target,
    address: editor.address,
    detail: { ...audit.detail, recomputed },
  });
  return recomputed;
}

export async function listCalendarDays(query: unknown) {
  const input = parseQuery(listInput, query, '日历查询');
  const rows = await CalendarDay.findAll({ where: input.year ? { year: input.year } : {}, order: [['date', 'ASC']] });
  return { items: rows.map(publicDay) };
}

export async function putCalendarDay(date: unknown, body: unknown, editor: CalendarEditor) {
  const parsedDate = parseInput(day, date, '日期');
  const input = parseInput(dayInput, body, '日历日');
  const [zh, en] = KIND_NAMES[input.kind];
  const reason = `日历变更：${parsedDate} 设为${zh}（${input.name}） / calendar: ${parsedDate} made a ${en} (${input.name})`;
  const audit = { action: 'calendar.day-set', target: `calendar:${parsedDate}`, detail: input } as const;
  const recomputed = await changeCalendar(editor, parsedDate, reason, audit, async () => {
    await CalendarDay.upsert({ date: parsedDate, ...input, year: yearOf(parsedDate) });
  });
  return { ...publicDay((await CalendarDay.findByPk(parsedDate))!), recomputed };
}

export async function deleteCalendarDay(date: unknown, editor: CalendarEditor): Promise<RecomputeResult> {
  const parsedDate = parseInput(day, date, '日期');
  const row = await CalendarDay.findByPk(parsedDate);
  if (!row) throw notFound('日历日 / calendar day', String(date));
  const reason = `日历变更：删除 ${parsedDate}（${row.name}） / calendar: ${parsedDate} (${row.name}) removed`;
  const audit = {
    action: 'calendar.day-remove',
    target: `calendar:${parsedDate}`,
    detail: { name: row.name },
  } as const;
  return changeCalendar(editor, parsedDate, reason, audit, async () => {
    await row.destroy();
  });
}

/** The years around today and every year entered: whether each has its schedule or is reckoned by statute. */
export async function listCalendarYears() {
  const rows = await CalendarYear.findAll({ order: [['year', 'ASC']] });
  const byYear = new Map(rows.map((row) => [row.year, row]));
  const thisYear = yearOf(appClock.now());
  const years = [...new Set([...byYear.keys(), thisYear, thisYear + 1])].sort((a, b) => a - b);
  return {
    items: years.map((y) => {
      const row = byYear.get(y);
      return row
        ? { year: y, published: true, source: row.source, notice: row.notice, enteredBy: row.enteredBy }
        : { year: y, published: false, statutoryRules: statutoryRulesFor(y)?.source ?? null };
    }),
  };
}

/** An administrator confirms that a year's schedule is entered in full: it replaces the statutory reckoning. */
export async function publishCalendarYear(value: unknown, body: unknown, editor: CalendarEditor) {
  const y = parseInput(year, value, '年份');
  const { notice } = parseInput(yearInput, body, '年度节假日安排');
  const reason = `${y}年节假日安排已录入（${notice}） / the ${y} holiday schedule entered (${notice})`;
  const audit = { action: 'calendar.year-publish', target: `calendar:${y}`, detail: { notice } } as const;
  const recomputed = await changeCalendar(editor, `${y}-01-01`, reason, audit, async () => {
    await CalendarYear.upsert({ year: y, source: 'administrator', notice, enteredBy: editor.login });
  });
  return { year: y, published: true, source: 'administrator', notice, enteredBy: editor.login, recomputed };
}

/** Takes a year back to the statutory reckoning (a schedule confirmed by mistake). */
export async function unpublishCalendarYear(value: unknown, editor: CalendarEditor): Promise<RecomputeResult> {
  const y = parseInput(year, value, '年份');
  const row = await CalendarYear.findByPk(y);
  if (!row) throw notFound('年度节假日安排 / calendar year', String(value));
  const reason = `${y}年节假日安排撤回，按法定节假日计算 / the ${y} holiday schedule withdrawn: statutory holidays apply`;
  const audit = { action: 'calendar.year-unpublish', target: `calendar:${y}` } as const;
  return changeCalendar(editor, `${y}-01-01`, reason, audit, async () => {
    await row.destroy();
  });
}

export async function computeDueDate(query: unknown) {
  const input = parseQuery(addInput, query, '时限计算');
  const calendar = await loadBusinessCalendar();
  const dueDate = calendar.add(new Date(input.from), input.amount, input.unit);
  return { dueDate: dueDate.toISOString(), dueDateNotice: dueDateNotice(calendar, dueDate, input.unit) };
}
