/**
 * README's "A short tour", run as it stands: the system is started as `npm start` starts it (on free ports and a
 * fresh SQLite folder), the tour's shell blocks are joined into one bash script, the documented addresses are
 * pointed at the ports actually taken (and the engine's client file at the one this start made), and every command must succeed (curl fails on any error answer).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startNpmStart } from '../support/npm-start-process';

const ROOT = join(__dirname, '..', '..');

/** The ```sh blocks of README's tour section, in order. */
function tourScript(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('## A short tour');
  if (start < 0) throw new Error('README.md has no "## A short tour" section');
  const next = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, next < 0 ? undefined : next);
  const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]);
  if (blocks.length === 0) throw new Error('the tour has no sh blocks');
  return blocks.join('\n');
}

/**
 * The paths one README notation stands for: `[/x]` with and without its part, `{a,b}` and a segment `a|b` each of
 * their choices, and a placeholder (`{no}`, `{key}`, …) a number that exists nowhere.
 */
function expandPath(path: string): string[] {
  const optional = /\[([^\]]*)\]/.exec(path);
  if (optional)
    return [path.replace(optional[0], optional[1]), path.replace(optional[0], '')].flatMap((each) => expandPath(each));
  const choice = /\{([^},]+(?:,[^},]+)+)\}|([^/{}|]+(?:\|[^/{}|]+)+)/.exec(path);
  if (choice)
    return (choice[1] ?? choice[2])
      .split(/[,|]/)
      .flatMap((option) =>
        expandPath(path.slice(0, choice.index) + option + path.slice(choice.index + choice[0].length)),
      );
  return [path.replace(/\{[^}]+\}/g, 'NONE0000')];
}

/** Every `METHOD /api/…` the README names, each notation expanded to the paths it stands for. */
function namedRoutes(): { method: string; path: string }[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const found = [...readme.matchAll(/\b(GET|POST|PUT|PATCH|DELETE)\s+(\/api\/[^\s`?]+)/g)].flatMap((match) =>
    expandPath(match[2]).map((path) => ({ method: match[1], path })),
  );
  return [...new Map(found.map((route) => [`${route.method} ${route.path}`, route])).values()];
}

/** README's inline `code` spans (outside fenced blocks) that run over a line break. */
function brokenInlineCode(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const prose = readme.replace(/```[\s\S]*?```/g, '');
  return [...prose.matchAll(/`[^`]*`/g)].map((match) => match[0]).filter((span) => span.includes('\n'));
}

function run(script: string, timeoutMs: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-euo', 'pipefail', '-c', script], { cwd: ROOT, timeout: timeoutMs });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

test('every command of the README tour works against a started system', async () => {
  const script = tourScript();
  // Each command stands on one line: a line ending in a backslash would not survive copying one line at a time.
  expect(script.split('\n').filter((line) => line.trimEnd().endsWith('\\'))).toEqual([]);
  // So does each call named in the prose: an inline `code` span broken over two lines would be copied broken.
  expect(brokenInlineCode()).toEqual([]);

  const system = startNpmStart();
  try {
    const { apiUrl, grpc, rest } = await system.ready();
    const apiOrigin = new URL(apiUrl).origin;
    const pointed = script
      .replaceAll('http://127.0.0.1:3000', apiOrigin)
      .replaceAll('127.0.0.1:8080', rest)
      .replaceAll('127.0.0.1:26500', grpc)
      .replaceAll('data/engine-client.json', system.engineClientFile);
    const result = await run(pointed, 240_000);
    if (result.code !== 0) throw new Error(`the tour failed (exit ${result.code}):\n${result.output}`);
    expect(result.output).toMatch(/^YK\d{8}-\d{4} archived$/m);
    expect(result.output).toMatch(/^GD\d{8}-\d{4}$/m);

    // The calls the README names in prose exist: none answers "no such route" (bad input or an unknown number is fine).
    const login = await fetch(`${apiUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'admin', password: 'demo1234' }),
    });
    const { token } = (await login.json()) as { token: string };
    const routes = namedRoutes();
    expect(routes.length).toBeGreaterThan(20);
    const missing: string[] = [];
    for (const route of routes) {
      const answer = await fetch(`${apiOrigin}${route.path}`, {
        method: route.method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: route.method === 'GET' || route.method === 'DELETE' ? undefined : '{}',
      });
      const text = await answer.text();
      if (answer.status === 404 && text.includes('no such route')) missing.push(`${route.method} ${route.path}`);
    }
    expect(missing).toEqual([]);
  } finally {
    await system.stop();
  }
}, 360_000);
