/**
 * One line of a reading file as the data-collection system (采集) exports it: `account,meter,register,reading,time`
 * (account number, meter asset number, register, the register's value, when it was read). Parsing is pure; a bad
 * line answers why, with its line number, and the import goes on with the next.
 */
import { REGISTERS, type Register } from '../../../db/billing/reading-models';

export interface ReadingRow {
  line: number;
  accountNo: string;
  assetNo: string;
  register: Register;
  value: number;
  readAt: Date;
}

export type ParsedLine = { row: ReadingRow } | { error: { line: number; message: string } } | { skip: true };

const HEADER = /^\s*(account|户号)\s*,/i;
const REGISTER_NAMES: Record<string, Register> = Object.fromEntries(REGISTERS.map((name) => [name, name]));

export function parseReadingLine(text: string, line: number): ParsedLine {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '' || (line === 1 && HEADER.test(trimmed))) return { skip: true };
  const fail = (message: string): ParsedLine => ({ error: { line, message } });
  const cells = trimmed.split(',').map((cell) => cell.trim());
  if (cells.length !== 5) return fail(`应为 5 列, 实为 ${cells.length} 列 / expected 5 columns, found ${cells.length}`);
  const [accountNo, assetNo, registerName, reading, time] = cells;
  if (!accountNo) return fail('户号为空 / account is empty');
  if (!assetNo) return fail('表号为空 / meter is empty');
  const register = REGISTER_NAMES[registerName.toLowerCase()];
  if (!register) return fail(`示数类型 ${registerName} 未知 / unknown register "${registerName}"`);
  const value = Number(reading);
  if (reading === '' || !Number.isFinite(value) || value < 0)
    return fail(`示数 ${reading} 不是非负数 / reading "${reading}" is not a number of zero or more`);
  const readAt = new Date(time);
  if (!time || Number.isNaN(readAt.getTime())) return fail(`抄表时间 ${time} 无效 / time "${time}" is not a time`);
  return { row: { line, accountNo, assetNo, register, value, readAt } };
}
