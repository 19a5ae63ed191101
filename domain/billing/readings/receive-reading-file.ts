/**
 * A reading file as it arrives over HTTP: streamed to a temporary file (never held whole in memory), counted, and
 * imported behind the answer; the import's record shows its progress meanwhile.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Sequelize } from 'sequelize';
import { AppError, validationError } from '../../../lib/errors/app-error';
import { logger } from '../../../lib/logger/logger';
import { isPeriod } from './billing-period';
import { createReadingImport, runImport } from './import-readings-use-case';

const MAX_BYTES = 512 * 1024 * 1024;
const log = logger('reading-import');

function sizeLimit(): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > MAX_BYTES)
        callback(new AppError(413, 'FILE_TOO_LARGE', '抄表文件超过 512 MB / the file is over 512 MB'));
      else callback(null, chunk);
    },
  });
}

export async function receiveReadingFile(
  sequelize: Sequelize,
  body: Readable,
  input: { period: string; fileName?: string; actor: string },
) {
  const { period } = input;
  if (!isPeriod(period)) throw validationError('period 应为 YYYY-MM / period must be YYYY-MM');
  const fileName = String(input.fileName ?? 'readings.csv').slice(0, 255);
  const dir = await mkdtemp(join(tmpdir(), 'reading-import-'));
  const path = join(dir, 'readings.csv');
  try {
    await pipeline(body, sizeLimit(), createWriteStream(path));
    const record = await createReadingImport({ path, fileName, period, actor: input.actor });
    void runImport(sequelize, record, path)
      .catch((error: unknown) => log.error('reading import failed', { id: record.id, error: String(error) }))
      .finally(() => rm(dir, { recursive: true, force: true }));
    return record.get({ plain: true });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
