/**
 * The three parts the chaos run kills, each an OS process of its own on fixed loopback ports (so that the others
 * find it again after a restart): the engine (engine/main.ts on its SQLite file), the API and the job workers (the
 * application with APP_ROLE=api and APP_ROLE=workers, decision 0058, on the run's MariaDB).
 */
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { startAppProcess, type AppProcess, type AppProcessOptions } from '../../tests/support/app-process';
import { startEngineProcess, type EngineProcess } from '../../tests/support/engine-process';

export type PartName = 'engine' | 'workers' | 'api';
export const PART_NAMES: PartName[] = ['engine', 'workers', 'api'];

/** A free loopback port (taken and released at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `serves` until it is true; the milliseconds it took from `since`. */
async function until(serves: () => Promise<boolean>, since: number, what: string): Promise<number> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (await serves().catch(() => false)) return Date.now() - since;
    if (Date.now() > deadline) throw new Error(`${what} did not serve again within 180 s`);
    await pause(100);
  }
}

export interface PartsOptions {
  /** Where each process's output is written when it ends (killed or stopped): `<part>-<n>.log`. */
  logDir: string;
  engineDatabaseUrl: string;
  appDatabaseUrl: string;
  documentsDir: string;
}

export class Parts {
  engine!: EngineProcess;
  private api!: AppProcess;
  private workers!: AppProcess;
  private appOptions!: AppProcessOptions;
  apiUrl = '';
  private ports!: { grpc: number; rest: number; api: number };

  private readonly ended = new Map<PartName, number>();

  constructor(private readonly options: PartsOptions) {}

  /** Keeps the output of a process that is about to end. */
  private keepLog(part: PartName, output: string): void {
    const n = (this.ended.get(part) ?? 0) + 1;
    this.ended.set(part, n);
    writeFileSync(join(this.options.logDir, `${part}-${n}.log`), output);
  }

  async start(): Promise<void> {
    this.ports = { grpc: await freePort(), rest: await freePort(), api: await freePort() };
    this.engine = await this.startEngine();
    this.appOptions = {
      databaseUrl: this.options.appDatabaseUrl,
      grpcAddress: this.engine.grpcAddress,
      restAddress: this.engine.restAddress,
      engineAuth: this.engine.sdkAuth,
      authSecret: 'chaos-run-secret-of-enough-length',
      demoData: true,
      env: {
        APP_PORT: String(this.ports.api),
        APP_DOCUMENTS_DIR: this.options.documentsDir,
        // Reconcile often, so that the application's view of the cases follows the engine through the faults.
        APP_RECONCILE_INTERVAL_SECONDS: '30',
      },
    };
    // The API first: it migrates, seeds and deploys; the workers find all of it there.
    this.api = await startAppProcess({ ...this.appOptions, role: 'api' });
    this.apiUrl = this.api.apiUrl;
    this.workers = await startAppProcess({ ...this.appOptions, role: 'workers' });
  }

  private startEngine(): Promise<EngineProcess> {
    return startEngineProcess({
      databaseUrl: this.options.engineDatabaseUrl,
      grpcPort: this.ports.grpc,
      restPort: this.ports.rest,
    });
  }

  /** Whether the part answers: the engine's topology, the API's health; the workers' process is up. */
  async serves(part: PartName): Promise<boolean> {
    if (part === 'engine') {
      const answer = await fetch(`${this.engine.restAddress}/v2/topology`, {
        headers: await this.engine.authHeaders(),
        signal: AbortSignal.timeout(2000),
      });
      return answer.status === 200;
    }
    if (part === 'api') return (await fetch(`${this.apiUrl}/health`, { signal: AbortSignal.timeout(2000) })).ok;
    return true;
  }

  /** kill -9 the part and start it again at once, as a supervisor would; the ms until it serves again. */
  async killAndRestart(part: PartName): Promise<number> {
    const killedAt = Date.now();
    if (part === 'engine') {
      this.keepLog(part, this.engine.output());
      await this.engine.kill();
      this.engine = await this.retryStart('engine', () => this.startEngine());
    } else if (part === 'api') {
      this.keepLog(part, this.api.output());
      await this.api.kill();
      this.api = await this.retryStart('api', () => startAppProcess({ ...this.appOptions, role: 'api' }));
    } else {
      this.keepLog(part, this.workers.output());
      await this.workers.kill();
      this.workers = await this.retryStart('workers', () => startAppProcess({ ...this.appOptions, role: 'workers' }));
    }
    return until(() => this.serves(part), killedAt, part);
  }

  /** A start that fails (e.g. the API while the engine is down) is tried again, as a supervisor would. */
  private async retryStart<T>(part: PartName, start: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await start();
      } catch (error) {
        if (attempt >= 10) throw error;
        console.log(`  … ${part} failed to start (attempt ${attempt}): ${String(error).slice(0, 300)}`);
        await pause(1000);
      }
    }
  }

  async stop(): Promise<void> {
    if (this.workers) this.keepLog('workers', this.workers.output());
    if (this.api) this.keepLog('api', this.api.output());
    if (this.engine) this.keepLog('engine', this.engine.output());
    await this.workers?.stop().catch(() => undefined);
    await this.api?.stop().catch(() => undefined);
    await this.engine?.stop().catch(() => undefined);
  }
}
