/**
 * Whether a failed commit failed for want of disk space: SQLite's SQLITE_FULL ("database or disk is full"), an
 * ENOSPC from the file system, or MySQL / MariaDB's "table is full" and "disk full" errors. Such a commit changed
 * nothing (its transaction rolled back) and succeeds once space returns, so the stream processor holds it and
 * retries instead of stopping (docs/decisions/0059).
 */
const MESSAGES = [/database or disk is full/i, /no space left on device/i, /disk (is )?full/i, /table .* is full/i];
const CODES = new Set(['SQLITE_FULL', 'ENOSPC', 'ER_RECORD_FILE_FULL', 'ER_DISK_FULL']);
/** MySQL error numbers: 1114 ER_RECORD_FILE_FULL, 1021 ER_DISK_FULL; 28 is ENOSPC. */
const ERRNOS = new Set([1114, 1021, 28]);

export function isOutOfSpace(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, errno, message } = error as { code?: unknown; errno?: unknown; message?: unknown };
  if (typeof code === 'string' && CODES.has(code)) return true;
  if (typeof errno === 'number' && ERRNOS.has(Math.abs(errno))) return true;
  return typeof message === 'string' && MESSAGES.some((pattern) => pattern.test(message));
}
