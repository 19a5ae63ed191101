/**
 * A full disk under the engine's database (found by the chaos run, bench/chaos; decision 0059): a commit that fails
 * for want of space used to stop the engine (decision 0002's fatal commit). Now the batch is held and committed once
 * space returns, every command meanwhile is refused with RESOURCE_EXHAUSTED saying the disk is full, and the engine
 * goes on afterwards with nothing lost and nothing applied twice. The storage is the real one of the run's kind
 * (SQLite, or MariaDB with ENGINE_TEST_DATABASE=mariadb); only its commit is made to fail as each driver does.
 */
import { Engine } from '../../engine/engine';
import { EngineError } from '../../engine/errors';
import { createStorage } from '../../engine/storage/create-storage';
import type { CommitBatch, EngineStorage } from '../../engine/storage/engine-storage';
import { freshDatabaseUrl } from '../support/engine-process';
import { fixture } from './engine-kit';

/** The storage (itself: the query side tells the kind by its class) with another commit. */
function withCommit(storage: EngineStorage, commit: (original: EngineStorage['commit']) => EngineStorage['commit']) {
  storage.commit = commit(storage.commit.bind(storage));
  return storage;
}

/** The storage of the test run, whose commits fail as a full disk makes them fail while `full` is set. */
function fillable(storage: EngineStorage) {
  const disk = { full: false, refusedCommits: 0 };
  const fullError = () =>
    storage.kind === 'sqlite'
      ? Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })
      : Object.assign(new Error("The table 'engine_records' is full"), { code: 'ER_RECORD_FILE_FULL', errno: 1114 });
  const wrapped = withCommit(storage, (original) => (batch: CommitBatch) => {
    if (!disk.full) return original(batch);
    disk.refusedCommits++;
    return Promise.reject(fullError());
  });
  return { storage: wrapped, disk };
}

describe('the engine on a full disk', () => {
  let engine: Engine | undefined;
  let fatal: Error | undefined;

  afterEach(async () => {
    await engine?.stop();
    engine = undefined;
  });

  it('refuses commands with a clear RESOURCE_EXHAUSTED, keeps running, and commits once space returns', async () => {
    const { storage, disk } = fillable(createStorage(await freshDatabaseUrl()));
    engine = new Engine(storage, { maxQueuedCommands: 100, defaultLongPollMs: 100, onFatal: (e) => (fatal = e) });
    await engine.start();
    await engine.deployResources([{ name: 'job-task.bpmn', content: fixture('job-task.bpmn') }]);
    const before = await engine.createProcessInstance({ bpmnProcessId: 'job-task', variables: { jobType: 'disk' } });

    disk.full = true;
    // The command whose commit meets the full disk waits (held, not lost); the ones after it are refused at once.
    const held = engine.createProcessInstance({ bpmnProcessId: 'job-task', variables: { jobType: 'disk' } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const refused = await engine
      .createProcessInstance({ bpmnProcessId: 'job-task', variables: { jobType: 'disk' } })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(refused).toBeInstanceOf(EngineError);
    expect(refused).toMatchObject({ code: 'RESOURCE_EXHAUSTED', message: expect.stringContaining('disk') });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(disk.refusedCommits).toBeGreaterThanOrEqual(2);
    expect(fatal).toBeUndefined();

    disk.full = false;
    const after = await held;
    expect(after.processInstanceKey).not.toBe(before.processInstanceKey);
    // Two instances made it (the one before and the held one), the refused one did not: two jobs, each once.
    const jobs = await engine.activateJobs({
      type: 'disk',
      worker: 'disk-test',
      timeout: 60_000,
      maxJobsToActivate: 10,
      requestTimeout: -1,
    });
    expect(jobs.map((job) => String(job.processInstanceKey)).sort()).toEqual(
      [String(before.processInstanceKey), String(after.processInstanceKey)].sort(),
    );
    const third = await engine.createProcessInstance({ bpmnProcessId: 'job-task', variables: { jobType: 'disk' } });
    expect(Number(third.processInstanceKey)).toBeGreaterThan(Number(after.processInstanceKey));
    expect(fatal).toBeUndefined();
  }, 30_000);

  it('still stops on a commit that fails for another reason (decision 0002)', async () => {
    const storage = createStorage(await freshDatabaseUrl());
    const broken = withCommit(storage, () => () => Promise.reject(new Error('disk I/O error')));
    fatal = undefined;
    engine = new Engine(broken, { maxQueuedCommands: 100, defaultLongPollMs: 100, onFatal: (e) => (fatal = e) });
    await engine.start();
    // Its caller is never answered: the process stops (here, onFatal notes it).
    void engine.deployResources([{ name: 'job-task.bpmn', content: fixture('job-task.bpmn') }]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((fatal as Error | undefined)?.message).toBe('disk I/O error');
  });
});
