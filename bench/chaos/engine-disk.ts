/**
 * The engine's data on a small filesystem of its own (a tmpfs mounted for the run), and filling it: the engine must
 * refuse writes with a clear error while it is full — not stop, not lose what it had acknowledged — and take
 * commands again once space returns (decision 0059). A probe process (start → end) is started through the engine's
 * REST API to see which.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { EngineProcess } from '../../tests/support/engine-process';

const PROBE_BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="chaos-probe-defs"
  targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="chaos-probe" isExecutable="true">
    <bpmn:startEvent id="start"><bpmn:outgoing>f</bpmn:outgoing></bpmn:startEvent>
    <bpmn:sequenceFlow id="f" sourceRef="start" targetRef="end" />
    <bpmn:endEvent id="end"><bpmn:incoming>f</bpmn:incoming></bpmn:endEvent>
  </bpmn:process>
</bpmn:definitions>`;

/** Mounts a tmpfs of `sizeMb` at `dir` (the run runs as root); the engine's SQLite file goes in it. */
export function mountEngineDisk(dir: string, sizeMb: number): void {
  mkdirSync(dir, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m`, 'tmpfs', dir]);
}

export function unmountEngineDisk(dir: string): void {
  try {
    execFileSync('umount', [dir]);
  } catch {
    execFileSync('umount', ['-l', dir]);
  }
}

export async function deployProbe(engine: EngineProcess): Promise<void> {
  const form = new FormData();
  form.set('resources', new Blob([PROBE_BPMN], { type: 'application/xml' }), 'chaos-probe.bpmn');
  const answer = await fetch(`${engine.restAddress}/v2/deployments`, {
    method: 'POST',
    headers: await engine.authHeaders(),
    body: form,
  });
  if (!answer.ok) throw new Error(`probe deployment: ${answer.status} ${await answer.text()}`);
}

type ProbeOutcome = { ok: true } | { ok: false; status: number | 'none'; detail: string };

/** One probe start, waiting at most `timeoutMs` for the answer. */
async function probe(engine: EngineProcess, timeoutMs: number): Promise<ProbeOutcome> {
  try {
    const answer = await fetch(`${engine.restAddress}/v2/process-instances`, {
      method: 'POST',
      headers: { ...(await engine.authHeaders()), 'content-type': 'application/json' },
      body: JSON.stringify({ processDefinitionId: 'chaos-probe' }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (answer.ok) return { ok: true };
    return { ok: false, status: answer.status, detail: (await answer.text()).slice(0, 400) };
  } catch (error) {
    return { ok: false, status: 'none', detail: String(error).slice(0, 200) };
  }
}

/** Writes a file until the filesystem has no room left; its size in MB. */
function fill(path: string): number {
  const fd = openSync(path, 'w');
  let written = 0;
  try {
    for (const size of [1 << 20, 1 << 12, 1 << 9]) {
      const chunk = Buffer.alloc(size, 0x5a);
      for (;;) {
        try {
          written += writeSync(fd, chunk);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
          break;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  return written / (1 << 20);
}

export interface DiskFillFigures {
  filledMb: number;
  /** Probes refused with a clear answer while full, and the first such answer. */
  refusals: number;
  refusal: string;
  /** Probes answered otherwise (an unclear error) while full. */
  unclear: number;
  /** Probes that waited (their command in the batch held for space; answered once space returned). */
  held: number;
  /** Whether the engine answered its topology at every check while full (it did not stop). */
  engineStayedUp: boolean;
  /** From the space freed to the first probe started. */
  recoveredMs: number;
}

/** Fills the engine's disk, holds it full for `holdMs` while probing, frees it and times the recovery. */
export async function fillEngineDisk(
  dir: string,
  engine: () => EngineProcess,
  serves: () => Promise<boolean>,
  holdMs: number,
): Promise<DiskFillFigures> {
  const filler = join(dir, 'filler');
  const figures: DiskFillFigures = {
    filledMb: fill(filler),
    refusals: 0,
    refusal: '',
    unclear: 0,
    held: 0,
    engineStayedUp: true,
    recoveredMs: 0,
  };
  const until = Date.now() + holdMs;
  while (Date.now() < until) {
    // A probe that meets the held batch waits for space: it is left running and not counted.
    const outcome = await Promise.race([
      probe(engine(), 30_000),
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 3000)),
    ]);
    if (outcome && !outcome.ok) {
      if (/disk/i.test(outcome.detail) && (outcome.status === 503 || outcome.status === 429)) {
        figures.refusals++;
        figures.refusal ||= `${outcome.status} ${outcome.detail}`;
      } else figures.unclear++;
    }
    if (!outcome) figures.held++;
    if (!(await serves().catch(() => false))) figures.engineStayedUp = false;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  rmSync(filler);
  const freedAt = Date.now();
  for (;;) {
    if ((await probe(engine(), 5000)).ok) break;
    if (Date.now() - freedAt > 120_000) throw new Error('the engine took no command within 120 s of space returning');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  figures.recoveredMs = Date.now() - freedAt;
  return figures;
}
