/**
 * The hostile-input fuzzer (issue 18, decision 0048): starts the platform (engine and application on SQLite in
 * temporary folders, 127.0.0.1, free ports) and throws fast-check inputs at the application's API, the engine's REST
 * v2 and gRPC requests, and its deployments. Every input must get a 2xx or a clear 4xx / gRPC client error, in time,
 * and the engine and the API must still serve a real request after it. Prints inputs by class and the failures
 * (each shrunk to a small input), and exits 1 when there is any.
 *
 * `npm run fuzz [-- --seconds 180] [--runs 400] [--seed N] [--only api|engine|deploy]`, or FUZZ_SECONDS, FUZZ_RUNS,
 * FUZZ_SEED. The time is shared between the targets; each stops at its run count or its share of the time.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { apiTargets } from './api-inputs';
import { deploymentTargets } from './deployments';
import { engineTargets } from './engine-requests';
import { FuzzSystem, fuzzTarget, type Target } from './fuzz-system';

const { values: flags } = parseArgs({
  options: {
    seconds: { type: 'string', default: process.env.FUZZ_SECONDS ?? '180' },
    runs: { type: 'string', default: process.env.FUZZ_RUNS ?? '400' },
    seed: { type: 'string', default: process.env.FUZZ_SEED ?? String(Date.now() % 2 ** 31) },
    only: { type: 'string' },
  },
});

const CLASSES: Record<string, (system: FuzzSystem) => Promise<Array<Target<unknown>>>> = {
  api: apiTargets,
  engine: engineTargets,
  deploy: deploymentTargets,
};

// The application runs in this process: its log of unexpected errors (what a 500 was) is the fuzzer's diagnosis.
process.env.LOG_LEVEL ??= 'error';

async function main(): Promise<number> {
  const seconds = Number(flags.seconds);
  const runs = Number(flags.runs);
  const seed = Number(flags.seed);
  if (!(seconds > 0) || !(runs > 0) || !Number.isInteger(seed))
    throw new Error('--seconds and --runs take numbers above 0, --seed an integer');
  const chosen = flags.only ? flags.only.split(',') : Object.keys(CLASSES);
  for (const name of chosen)
    if (!CLASSES[name]) throw new Error(`--only: no class ${name} (${Object.keys(CLASSES).join(', ')})`);

  console.log(`fuzz: seed ${seed}, ${seconds} s, at most ${runs} inputs per target; starting the platform…`);
  const system = await FuzzSystem.start();
  // An error the application (in this process) did not catch is a crash: counted, and the run ends.
  const crash = (error: unknown) => {
    system.tally.fail({ className: 'process', target: 'application', input: '', problem: `crash: ${String(error)}` });
    system.down = 'the application crashed';
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  // Interrupted: stop the platform (the engine is a child process) before leaving.
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      console.log(`\n${signal}: stopping`);
      void system.stop().finally(() => process.exit(1));
    });
  try {
    const targets: Array<Target<unknown>> = [];
    for (const name of chosen) targets.push(...(await CLASSES[name](system)));
    const started = Date.now();
    for (const [index, target] of targets.entries()) {
      // Each target gets its weighted share of what time is left, so a quick one leaves its rest to the others.
      const left = seconds * 1000 - (Date.now() - started);
      const weights = targets.slice(index).reduce((sum, next) => sum + (next.weight ?? 1), 0);
      const timeMs = Math.max(1_000, (left * (target.weight ?? 1)) / weights);
      await fuzzTarget(system, target, { timeMs, runs, seed: seed + index });
    }
    if (system.down) {
      console.log(`\nthe system stopped serving: ${system.down}`);
      console.log(`the engine's last output:\n${system.platform.engine.output().slice(-4_000)}`);
    }
  } finally {
    system.tally.printReport(
      loadavg()
        .map((n) => n.toFixed(2))
        .join(' '),
    );
    console.log(`seed ${seed} (FUZZ_SEED=${seed} repeats these inputs)`);
    await system.stop();
  }
  return system.tally.failures.length || system.down ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
