import { createStorage } from '../../engine/storage/create-storage';
import type { RecordRow } from '../../engine/storage/engine-storage';

/**
 * Reads the engine's event log (the records it committed) from its database, so that tests can assert the path an
 * instance took. Reading the log is a test's privilege: the application itself never reads engine tables.
 */
export async function readRecords(databaseUrl: string): Promise<RecordRow[]> {
  const storage = createStorage(databaseUrl);
  await storage.open();
  try {
    const rows: RecordRow[] = [];
    for (;;) {
      const page = await storage.readRecords(rows.length ? rows[rows.length - 1].position : 0, 10_000);
      rows.push(...page);
      if (page.length < 10_000) return rows;
    }
  } finally {
    await storage.close();
  }
}

/** The element ids of one instance's records with the given intent, in order (e.g. the elements completed). */
export async function elementsWith(
  databaseUrl: string,
  processInstanceKey: string | number,
  intent: string,
): Promise<string[]> {
  const rows = await readRecords(databaseUrl);
  return rows
    .filter(
      (r) =>
        r.valueType === 'PROCESS_INSTANCE' &&
        String(r.processInstanceKey) === String(processInstanceKey) &&
        r.intent === intent,
    )
    .map((r) => (JSON.parse(r.value) as { elementId: string }).elementId);
}
