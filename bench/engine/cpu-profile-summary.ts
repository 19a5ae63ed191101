/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`): the functions with the most self time, the source files
 * with the most self time, and the total (inclusive) time of the engine's own functions.
 *
 *   npx tsx bench/engine/cpu-profile-summary.ts <file.cpuprofile>... [--worker]
 */
import * as fs from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

function shortUrl(url: string): string {
  if (!url) return '(native)';
  const cleaned = url.replace(/^file:\/\//, '');
  const nm = cleaned.lastIndexOf('node_modules/');
  if (nm >= 0) return cleaned.slice(nm + 'node_modules/'.length);
  const engine = cleaned.indexOf('/engine/');
  if (engine >= 0) return cleaned.slice(engine + 1);
  return cleaned;
}

function frameName(f: CallFrame): string {
  return `${f.functionName || '(anonymous)'}  ${shortUrl(f.url)}${f.url ? `:${f.lineNumber + 1}` : ''}`;
}

/** Whose functions the inclusive-time list shows: the engine's own, or the worker process's and its client's. */
export interface OwnCode {
  label: string;
  pattern: RegExp;
}

export const ENGINE_CODE: OwnCode = { label: 'engine functions', pattern: /\sengine\// };
/** The platform's application (API, workers, domain, data), wherever the repository is checked out. */
export const APPLICATION_CODE: OwnCode = {
  label: "the application's functions",
  pattern: /\s\/\S*\/(api|domain|db|lib|platform|workers)\//,
};
export const WORKER_CODE: OwnCode = {
  label: 'worker process and client functions',
  pattern: /\s(bench\/engine|@camunda8\/sdk|@grpc\/grpc-js)\//,
};

/**
 * Summarises one or more profiles of the same program (its threads, or processes of the same role) as one: their
 * times are added frame by frame.
 */
export function summarizeCpuProfile(files: string[], top = 25, own: OwnCode = ENGINE_CODE): string {
  let totalUs = 0;
  let idleUs = 0;
  let spanUs = 0;
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, us: number): void => void map.set(key, (map.get(key) ?? 0) + us);
  for (const file of files) {
    const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
    spanUs = Math.max(spanUs, profile.endTime - profile.startTime);
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const selfUs = new Map<number, number>();
    for (let i = 0; i < profile.samples.length; i++) {
      // timeDeltas[i] is the time before sample i; attribute the next delta to it (the usual approximation).
      const dt = profile.timeDeltas[i + 1] ?? 0;
      selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + dt);
    }
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    for (const [id, us] of selfUs) {
      const node = byId.get(id);
      if (!node) continue;
      totalUs += us;
      const name = node.callFrame.functionName;
      if (name === '(idle)') idleUs += us;
      add(byFunction, frameName(node.callFrame), us);
      add(byFile, node.callFrame.url ? shortUrl(node.callFrame.url) : name || '(native)', us);
      // Inclusive time per frame (counted once per sample path, so recursion does not double count).
      const seen = new Set<string>();
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        const frame = byId.get(cur);
        if (!frame) break;
        const key = frameName(frame.callFrame);
        if (seen.has(key)) continue;
        seen.add(key);
        add(inclusive, key, us);
      }
    }
  }

  const busyUs = totalUs - idleUs;
  const pct = (us: number): string => `${((100 * us) / Math.max(1, busyUs)).toFixed(1).padStart(5)}%`;
  const ms = (us: number): string => `${(us / 1000).toFixed(0).padStart(7)} ms`;
  const lines: string[] = [];
  lines.push(
    `${files.length} profile(s) over ${(spanUs / 1e6).toFixed(1)} s, busy ${(busyUs / 1e6).toFixed(1)} s, ` +
      `idle ${(idleUs / 1e6).toFixed(1)} s; percentages are of busy time`,
  );
  lines.push('', `top ${top} functions by self time:`);
  for (const [key, us] of [...byFunction]
    .filter(([k]) => !k.startsWith('(idle)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)) {
    lines.push(`${ms(us)} ${pct(us)}  ${key}`);
  }
  lines.push('', 'top files / packages by self time:');
  const byPackage = new Map<string, number>();
  for (const [f, us] of byFile) {
    const pkg = f.startsWith('engine/') ? f : f.startsWith('@') ? f.split('/').slice(0, 2).join('/') : f.split('/')[0];
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
  }
  for (const [f, us] of [...byPackage]
    .filter(([k]) => k !== '(idle)')
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15)) {
    lines.push(`${ms(us)} ${pct(us)}  ${f}`);
  }
  lines.push('', `${own.label} by inclusive time:`);
  for (const [key, us] of [...inclusive]
    .filter(([k]) => own.pattern.test(k))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)) {
    lines.push(`${ms(us)} ${pct(us)}  ${key}`);
  }
  return lines.join('\n');
}

if (require.main === module) {
  const files = process.argv.slice(2).filter((a) => a.endsWith('.cpuprofile'));
  if (!files.length) {
    console.error('usage: tsx bench/engine/cpu-profile-summary.ts <file.cpuprofile>... [--worker]');
    process.exit(2);
  }
  console.log(summarizeCpuProfile(files, 25, process.argv.includes('--worker') ? WORKER_CODE : ENGINE_CODE));
}
