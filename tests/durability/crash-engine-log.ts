/**
 * What the application crash test reads from the engine: incidents (REST search), and from its log the jobs handed
 * out more than once, timed out or failed.
 */
import type { EngineProcess } from '../support/engine-process';
import { readRecords } from '../support/engine-records';

export async function checkNoIncidents(engine: Pick<EngineProcess, 'restAddress' | 'authHeaders'>): Promise<void> {
  const response = await fetch(`${engine.restAddress}/v2/incidents/search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await engine.authHeaders()) },
    body: JSON.stringify({ page: { limit: 100 } }),
  });
  expect(response.status).toBe(200);
  const incidents = ((await response.json()) as { items: unknown[] }).items;
  expect(incidents).toEqual([]);
}

/** From the engine's log: jobs handed out more than once, timed out (held by the dead process), failed. */
export async function jobFigures(engineDatabaseUrl: string) {
  const records = await readRecords(engineDatabaseUrl);
  const activations = new Map<string, number>();
  const typeOf = new Map<string, string>();
  const completions = new Map<string, number>();
  let timedOut = 0;
  const failed: string[] = [];
  for (const r of records) {
    const value = JSON.parse(r.value) as Record<string, unknown>;
    if (r.valueType === 'JOB_BATCH' && r.intent === 'ACTIVATED')
      for (const key of (value.jobKeys as unknown[]).map(String)) activations.set(key, (activations.get(key) ?? 0) + 1);
    if (r.valueType !== 'JOB') continue;
    typeOf.set(String(r.key), String(value.type));
    if (r.intent === 'TIMED_OUT') timedOut++;
    if (r.intent === 'FAILED') failed.push(`${String(value.type)}: ${String(value.errorMessage).slice(0, 160)}`);
    if (r.intent === 'COMPLETED') completions.set(String(r.key), (completions.get(String(r.key)) ?? 0) + 1);
  }
  expect([...completions.values()].filter((n) => n > 1)).toEqual([]);
  const redeliveredKeys = [...activations].filter(([, n]) => n > 1).map(([key]) => key);
  const redeliveredByType: Record<string, number> = {};
  for (const key of redeliveredKeys) {
    const type = typeOf.get(key) ?? '?';
    redeliveredByType[type] = (redeliveredByType[type] ?? 0) + 1;
  }
  return { completed: completions.size, timedOut, failed, redeliveredKeys, redeliveredByType };
}

/** For a failure message: job failures, incidents and jobs never completed, from the engine's log. */
export async function failedJobs(engineDatabaseUrl: string): Promise<string> {
  const records = await readRecords(engineDatabaseUrl);
  const history = new Map<string, string[]>();
  const lines = [`engine ${engineDatabaseUrl}`];
  for (const r of records) {
    const value = JSON.parse(r.value) as Record<string, unknown>;
    if (r.valueType === 'JOB') {
      const key = String(r.key);
      history.set(key, [...(history.get(key) ?? [String(value.type)]), `${r.intent}@${r.position}`]);
      if (r.intent === 'FAILED') lines.push(`JOB FAILED ${String(value.type)} ${String(value.errorMessage)}`);
    }
    if (r.valueType === 'JOB_BATCH' && r.intent === 'ACTIVATED')
      for (const key of (value.jobKeys as unknown[]).map(String)) history.get(key)?.push(`ACTIVATED@${r.position}`);
    if (r.valueType === 'INCIDENT') lines.push(`INCIDENT ${r.intent} ${String(value.errorMessage)}`);
  }
  for (const [key, steps] of history)
    if (!steps.some((step) => step.startsWith('COMPLETED@'))) lines.push(`open job ${key} ${steps.join(' ')}`);
  return lines.join('\n');
}
