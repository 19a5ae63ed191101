/**
 * Documents in an S3-compatible store (APP_DOCUMENTS_STORE=s3) through the API: upload, list, download, delete.
 * No S3 service runs on this machine: the store here is s3rver, a fake S3 server from npm (it speaks the S3 REST
 * API and checks request signatures) started on 127.0.0.1 on a free port, keeping its objects in a temporary
 * folder. A store that goes away answers 503 and leaves no document record.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { residentialApplication, submit } from '../business-expansion/business-expansion-kit';
import { startPlatform, uploadDocument, usePlatform, type Platform } from '../platform/platform-kit';

const BUCKET = 'case-documents-test';
const directory = mkdtempSync(join(tmpdir(), 's3rver-'));
let s3: S3rver | undefined;
let platform: Platform;

usePlatform(
  (started) => {
    platform = started;
  },
  async () => {
    s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: BUCKET }] });
    const { port } = await s3.run();
    return startPlatform({
      APP_DOCUMENTS_STORE: 's3',
      APP_S3_ENDPOINT: `http://127.0.0.1:${port}`,
      APP_S3_BUCKET: BUCKET,
      APP_S3_ACCESS_KEY: 'S3RVER',
      APP_S3_SECRET_KEY: 'S3RVER',
      APP_S3_PATH_STYLE: 'true',
    });
  },
);
afterAll(async () => {
  await s3?.close();
});

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** s3rver keeps an object's bytes at <directory>/<bucket>/<key>._S3rver_object. */
const objectFile = (storageKey: string) => join(directory, BUCKET, `${storageKey}._S3rver_object`);

test('upload, list, download and delete go to the S3 store', async () => {
  const { applicationNo } = await submit(platform, residentialApplication({ address: '上海市浦东新区东方路 1 号' }));
  const clerk = await platform.as('zhangli');

  const answer = await uploadDocument(clerk, applicationNo, 'property-proof', { file: PDF, fileName: '房产证.pdf' });
  expect(answer.status).toBe(201);
  const uploaded = (await answer.json()) as { id: number; contentType: string };
  expect(uploaded.contentType).toBe('application/pdf');

  // The bytes are in the bucket (the record keeps the key the application made), not in the documents folder.
  const { CaseDocument } = await import('../../db/core/document-models');
  const record = await CaseDocument.findByPk(uploaded.id);
  expect(readFileSync(objectFile(record!.storageKey)).equals(PDF)).toBe(true);

  const list = await clerk.get(`/cases/${applicationNo}/documents`);
  expect(list.body.items.map((item: any) => [item.id, item.fileName])).toEqual([[uploaded.id, '房产证.pdf']]);

  const content = await clerk.fetch(`/cases/${applicationNo}/documents/${uploaded.id}/content`);
  expect(content.status).toBe(200);
  expect(Buffer.from(await content.arrayBuffer()).equals(PDF)).toBe(true);

  expect((await clerk.delete(`/cases/${applicationNo}/documents/${uploaded.id}`)).status).toBe(204);
  expect(existsSync(objectFile(record!.storageKey))).toBe(false);
  expect((await clerk.get(`/cases/${applicationNo}/documents`)).body.items).toEqual([]);
}, 60_000);

test('a store that is down: 503 saying what to do, and no document record', async () => {
  const { applicationNo } = await submit(platform, residentialApplication({ address: '上海市浦东新区东方路 2 号' }));
  const clerk = await platform.as('zhangli');
  const kept = (await (await uploadDocument(clerk, applicationNo, 'owner-id')).json()) as { id: number };

  await s3!.close();
  s3 = undefined;
  const refused = await uploadDocument(clerk, applicationNo, 'site-photo');
  expect(refused.status).toBe(503);
  const body = (await refused.json()) as { code: string; message: string };
  expect(body.code).toBe('DOCUMENT_STORE_UNAVAILABLE');
  expect(body.message).toContain('try again in a moment');

  const read = await clerk.fetch(`/cases/${applicationNo}/documents/${kept.id}/content`);
  expect(read.status).toBe(503);
  // A delete the store cannot carry out keeps the record (its content is still in the store).
  expect((await clerk.delete(`/cases/${applicationNo}/documents/${kept.id}`)).status).toBe(503);
  const list = await clerk.get(`/cases/${applicationNo}/documents`);
  expect(list.body.items.map((item: any) => item.kind)).toEqual(['owner-id']);
}, 60_000);
