/** One-line structured log records on stdout/stderr; LOG_LEVEL=silent|error|info (default info). */
type Level = 'error' | 'warn' | 'info';
const order: Record<Level | 'silent', number> = { silent: 0, error: 1, warn: 2, info: 3 };

function write(level: Level, area: string, message: string, fields?: Record<string, unknown>): void {
  const threshold = order[(process.env.LOG_LEVEL as Level | 'silent') ?? 'info'] ?? order.info;
  if (order[level] > threshold) return;
  const line = `${new Date().toISOString()} ${level.toUpperCase()} [${area}] ${message}${fields ? ' ' + JSON.stringify(fields) : ''}`;
  (level === 'info' ? process.stdout : process.stderr).write(line + '\n');
}

export const logger = (area: string) => ({
  info: (message: string, fields?: Record<string, unknown>) => write('info', area, message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write('warn', area, message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write('error', area, message, fields),
});
