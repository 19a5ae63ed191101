/**
 * The benchmark's job worker: a separate process that completes jobs of one type through the official SDK's
 * ZeebeGrpcClient, either by job push (`streamJobs`) or by long polling (`createWorker`). Driven over the IPC
 * channel by bench/engine/run.ts:
 *
 *   parent → { kind: 'start', expect?: number }  open the worker(s); with `expect`, report 'done' at that count
 *   parent → { kind: 'stop' }                    close everything, report 'stopped', exit
 *   child  → { kind: 'ready' }                   connected (a topology call answered)
 *   child  → { kind: 'done', completed, elapsedMs }  `expect` completions acknowledged, ms since 'start'
 *   child  → { kind: 'stopped', completed, failed }
 *
 *   tsx bench/engine/worker-process.ts --port 26500 --type bench-job --mode stream|poll [--max-jobs 1000] [--workers 1]
 */
import { Zeebe } from '@camunda8/sdk';

export type WorkerMode = 'stream' | 'poll';

export type ToWorker = { kind: 'start'; expect?: number } | { kind: 'stop' };
export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'done'; completed: number; elapsedMs: number }
  | { kind: 'stopped'; completed: number; failed: number; cpuMs: number }
  | { kind: 'error'; message: string };

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

function send(message: FromWorker): void {
  process.send?.(message);
}

/** The SDK logs a closed job stream's CANCELLED status with console.error; that is how a stream ends here. */
function quietCancelledStreams(): void {
  const original = console.error.bind(console);
  console.error = (...args: unknown[]): void => {
    const first = args[0] as { code?: unknown } | undefined;
    if (args.length === 1 && first instanceof Error && first.code === 1) return;
    original(...args);
  };
}

async function main(): Promise<void> {
  quietCancelledStreams();
  if (!process.send) throw new Error('worker-process.ts must be spawned with an IPC channel (by bench/engine/run.ts)');
  const port = Number(arg('--port', '26500'));
  const type = arg('--type', 'bench-job');
  const mode = arg('--mode', 'stream') as WorkerMode;
  const maxJobs = Number(arg('--max-jobs', '1000'));
  const workers = Number(arg('--workers', '1'));
  if (mode !== 'stream' && mode !== 'poll') throw new Error(`--mode must be stream or poll, not ${mode}`);

  const zbc = new Zeebe.ZeebeGrpcClient({
    config: {
      ZEEBE_GRPC_ADDRESS: `grpc://127.0.0.1:${port}`,
      CAMUNDA_AUTH_STRATEGY: 'NONE',
      zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE', ZEEBE_GRPC_CLIENT_RETRY: false },
    },
  });
  await zbc.topology();

  let completed = 0;
  let failed = 0;
  let expect: number | undefined;
  let startedAt = 0;
  let cpuAtStart = process.cpuUsage();
  const closers: Array<() => Promise<unknown> | unknown> = [];

  const onCompleted = (): void => {
    completed++;
    if (expect !== undefined && completed === expect) {
      send({ kind: 'done', completed, elapsedMs: performance.now() - startedAt });
    }
  };
  const onFailed = (): void => {
    failed++;
  };

  const start = async (): Promise<void> => {
    for (let w = 0; w < workers; w++) {
      const worker = `bench-${mode}-${process.pid}-${w}`;
      if (mode === 'stream') {
        const stream = await zbc.streamJobs({
          type,
          worker,
          timeout: 60_000,
          tenantIds: [],
          taskHandler: (job) => {
            const ack = job.complete();
            ack.then(onCompleted, onFailed);
            return ack;
          },
        });
        closers.push(() => stream.close());
      } else {
        const poller = zbc.createWorker({
          taskType: type,
          id: worker,
          maxJobsToActivate: maxJobs,
          timeout: 60_000,
          pollInterval: 20,
          longPoll: 30_000,
          taskHandler: (job) => {
            const ack = job.complete();
            ack.then(onCompleted, onFailed);
            return ack;
          },
        });
        closers.push(() => poller.close(2_000));
      }
    }
  };

  process.on('message', (message: ToWorker) => {
    if (message.kind === 'start') {
      expect = message.expect;
      cpuAtStart = process.cpuUsage();
      startedAt = performance.now();
      start().catch((err: unknown) => send({ kind: 'error', message: String(err) }));
    } else if (message.kind === 'stop') {
      void (async () => {
        await Promise.allSettled(closers.map((close) => close()));
        await zbc.close().catch(() => undefined);
        const cpu = process.cpuUsage(cpuAtStart);
        send({ kind: 'stopped', completed, failed, cpuMs: (cpu.user + cpu.system) / 1000 });
        process.disconnect();
        setTimeout(() => process.exit(0), 100);
      })();
    }
  });
  send({ kind: 'ready' });
}

main().catch((err: unknown) => {
  send({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
  console.error(err);
  process.exit(1);
});
