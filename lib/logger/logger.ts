/**
 * One-line structured log records on stdout/stderr, as many as LOG_LEVEL lets through. LOG_LEVEL is read at each
 * record (tests set it after start); a bad value counts as the default, start-up has said so already.
 */
import { appVariable } from '../config/app-config';
import { maskPiiInText } from '../privacy/mask-pii';

type Level = 'error' | 'warn' | 'info';
const order: Record<Level | 'silent', number> = { silent: 0, error: 1, warn: 2, info: 3 };

let lastRead: { raw: string | undefined; threshold: number } = { raw: undefined, threshold: order.info };

function currentThreshold(): number {
  const raw = process.env.LOG_LEVEL;
  if (raw !== lastRead.raw) lastRead = { raw, threshold: order[appVariable('LOG_LEVEL')] };
  return lastRead.threshold;
}

function write(level: Level, area: string, message: string, fields?: Record<string, unknown>): void {
  const threshold = currentThreshold();
  if (order[level] > threshold) return;
  // Phone and ID numbers never reach the log whole (decision 0025), whoever wrote the message.
  const text = maskPiiInText(`${message}${fields ? ' ' + JSON.stringify(fields) : ''}`);
  const line = `${new Date().toISOString()} ${level.toUpperCase()} [${area}] ${text}`;
  (level === 'info' ? process.stdout : process.stderr).write(line + '\n');
}

export const logger = (area: string) => ({
  info: (message: string, fields?: Record<string, unknown>) => write('info', area, message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write('warn', area, message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write('error', area, message, fields),
});
