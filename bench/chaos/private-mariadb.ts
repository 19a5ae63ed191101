/**
 * A MariaDB server of the chaos run's own: `mariadbd` on a free loopback port with its data directory in the run's
 * temporary folder, so that it can be killed and restarted under load without touching anyone else's server. It
 * runs without grant tables (loopback only, a throwaway data directory) and small buffers.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

const MARIADBD = '/usr/sbin/mariadbd';
const INSTALL_DB = '/usr/bin/mariadb-install-db';

export class PrivateMariadb {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private readonly dataDir: string;

  constructor(
    private readonly folder: string,
    readonly port: number,
  ) {
    this.dataDir = join(folder, 'mariadb-data');
  }

  get serverUrl(): string {
    return `mysql://root@127.0.0.1:${this.port}`;
  }

  /** Creates the data directory (once) and starts the server; resolves when it takes connections. */
  async start(): Promise<void> {
    if (!this.child) {
      mkdirSync(this.dataDir, { recursive: true });
      const installed = spawnSync(
        INSTALL_DB,
        [
          '--no-defaults',
          `--datadir=${this.dataDir}`,
          '--user=root',
          '--skip-test-db',
          '--auth-root-authentication-method=normal',
        ],
        { encoding: 'utf8' },
      );
      if (installed.status !== 0) throw new Error(`mariadb-install-db failed: ${installed.stderr}`);
    }
    await this.launch();
  }

  private async launch(): Promise<void> {
    const child = spawn(
      MARIADBD,
      [
        '--no-defaults',
        `--datadir=${this.dataDir}`,
        `--port=${this.port}`,
        '--bind-address=127.0.0.1',
        `--socket=${join(this.folder, 'mariadb.sock')}`,
        `--pid-file=${join(this.folder, 'mariadb.pid')}`,
        '--user=root',
        '--skip-grant-tables',
        '--skip-name-resolve',
        '--innodb-buffer-pool-size=256M',
        '--max-connections=500',
        `--log-error=${join(this.folder, 'mariadb.err')}`,
      ],
      { stdio: 'ignore' },
    );
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`mariadbd exited with ${child.exitCode}; see ${this.folder}/mariadb.err`);
      try {
        const connection = await createConnection(this.serverUrl);
        await connection.end();
        return;
      } catch {
        if (Date.now() > deadline) throw new Error(`mariadbd did not take connections within 60 s`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }

  async createDatabase(name: string): Promise<string> {
    const connection = await createConnection(this.serverUrl);
    try {
      await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`);
    } finally {
      await connection.end();
    }
    return `${this.serverUrl}/${name}`;
  }

  /** kill -9 and start again on the same data; resolves with the milliseconds until it took connections again. */
  async killAndRestart(): Promise<number> {
    const killedAt = Date.now();
    this.child?.kill('SIGKILL');
    await this.exited;
    await this.launch();
    return Date.now() - killedAt;
  }

  async stop(): Promise<void> {
    if (!this.child || this.child.exitCode !== null) return;
    this.child.kill('SIGTERM');
    const late = setTimeout(() => this.child?.kill('SIGKILL'), 30_000);
    await this.exited;
    clearTimeout(late);
  }
}
