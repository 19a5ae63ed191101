/**
 * Builds the browser app (modeler-ui → modeler-ui/dist) when there is no build or a source is newer than it:
 * `npm install` (prepare) and `npm start` (prestart) run it, so a fresh clone serves a working app, and a start
 * after an edit serves the edit. `--force` builds regardless.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const UI = join(ROOT, 'modeler-ui');
const BUILT = join(UI, 'dist', 'index.html');
/** What a build depends on besides modeler-ui/src. */
const INPUTS = ['index.html', 'vite.config.mts', 'tsconfig.json']
  .map((file) => join(UI, file))
  .concat(join(ROOT, 'package-lock.json'));

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

export function webAppIsStale(): boolean {
  if (!existsSync(BUILT)) return true;
  const sources = Math.max(newestChange(join(UI, 'src')), ...INPUTS.map(newestChange));
  return sources > statSync(BUILT).mtimeMs;
}

/** Runs vite's build in a child process; throws when it fails. */
export function buildWebApp(): void {
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--config', join(UI, 'vite.config.mts'), '--logLevel', 'warn'],
    {
      cwd: ROOT,
      stdio: 'inherit',
      // Jest sets NODE_ENV=test, which vite passes on: React would then be its development build, with StrictMode
      // running every effect twice (every request of a screen sent twice) in what the browser tests check.
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (result.status !== 0) throw new Error(`the web app's build failed (exit ${result.status ?? result.signal})`);
}

export function ensureWebAppBuilt(force = false): boolean {
  if (!force && !webAppIsStale()) return false;
  buildWebApp();
  return true;
}

if (require.main === module) {
  const built = ensureWebAppBuilt(process.argv.includes('--force'));
  console.log(built ? 'web app built: modeler-ui/dist' : 'web app up to date: modeler-ui/dist');
}
