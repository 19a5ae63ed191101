/**
 * A reading import runs inside the API process behind its 202 answer; a process that dies (a restart, a kill) leaves
 * its import `running` for ever. At the API's start no import can still be running — one API process serves a
 * database (as for the idempotency leases, decision 0024) — so each one found running is marked `interrupted`, with
 * the line it had reached. The file is imported again by sending it again: readings are replaced, never doubled.
 */
import { ReadingImport } from '../../../db/billing/reading-models';
import { appClock } from '../../../lib/clock/app-clock';

export async function interruptRunningImports(): Promise<number[]> {
  const running = await ReadingImport.findAll({ where: { status: 'running' } });
  for (const record of running)
    await record.update({
      status: 'interrupted',
      finishedAt: appClock.now(),
      errors: [
        ...(record.errors ?? []),
        {
          line: record.rowsDone,
          message: '导入因服务重启中断，请重新导入该文件 / interrupted by a restart: import the file again',
        },
      ],
    });
  return running.map((record) => record.id);
}
