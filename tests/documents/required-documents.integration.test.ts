/**
 * Required documents block the step that needs them (decision 0034): the 业扩 survey requires a site photo (its
 * model says so), the task answer tells what is required and present, completing without it is 409 naming it, and a
 * photo uploaded from the task is bound to that step and lets the task complete. Uploads from a task are checked:
 * the task must be the case's, open, and visible to the user.
 */
import {
  expectOpenTasks,
  residentialApplication,
  submit,
  SURVEY_OK,
} from '../business-expansion/business-expansion-kit';
import { uploadDocument, usePlatform, type Platform } from '../platform/platform-kit';

let platform: Platform;
usePlatform((started) => {
  platform = started;
});

const newCase = async (address: string) =>
  (await submit(platform, residentialApplication({ address }))).applicationNo as string;

test('the survey is refused without its site photo, names it, and completes once it is uploaded from the task', async () => {
  const applicationNo = await newCase('上海市浦东新区锦绣路 100 号');
  const [survey] = await expectOpenTasks(platform, applicationNo, ['survey']);
  const key = survey.userTaskKey as string;
  const surveyor = await platform.as('wangqiang');

  const before = await surveyor.get(`/tasks/${key}`);
  expect(before.status).toBe(200);
  expect(before.body.documents).toEqual({
    required: [{ kind: 'site-photo', name: '现场照片', present: false }],
    missing: ['site-photo'],
  });

  // The form is right; the photo is missing: 409 with what to do, and the task stays open.
  const refused = await surveyor.post(`/tasks/${key}/complete`, { variables: SURVEY_OK });
  expect(refused.status).toBe(409);
  expect(refused.body.code).toBe('DOCUMENTS_MISSING');
  expect(refused.body.message).toContain('现场照片');
  expect(refused.body.message).toContain('site-photo');
  expect(refused.body.message).toContain('upload them under Documents on the task');
  expect(refused.body.details).toEqual({ missing: ['site-photo'] });
  expect((await surveyor.get(`/tasks/${key}`)).body.state).toBe('CREATED');
  // A wrong form is still answered first, field by field.
  const wrongForm = await surveyor.post(`/tasks/${key}/complete`, { variables: { surveyFindings: '好' } });
  expect(wrongForm.status).toBe(400);

  // A file of another kind does not count.
  expect((await uploadDocument(surveyor, applicationNo, 'other', { taskKey: key })).status).toBe(201);
  expect((await surveyor.post(`/tasks/${key}/complete`, { variables: SURVEY_OK })).status).toBe(409);

  const uploaded = await uploadDocument(surveyor, applicationNo, 'site-photo', { taskKey: key, fileName: '表箱.png' });
  expect(uploaded.status).toBe(201);
  expect(await uploaded.json()).toMatchObject({
    kind: 'site-photo',
    fileName: '表箱.png',
    taskKey: key,
    stepId: 'survey',
    stepName: '现场勘查',
    uploadedBy: 'wangqiang',
  });
  expect((await surveyor.get(`/tasks/${key}`)).body.documents).toEqual({
    required: [{ kind: 'site-photo', name: '现场照片', present: true }],
    missing: [],
  });
  const listed = (await surveyor.get(`/cases/${applicationNo}/documents`)).body.items as any[];
  expect(listed.map((document) => [document.kind, document.stepName])).toEqual([
    ['other', '现场勘查'],
    ['site-photo', '现场勘查'],
  ]);

  expect((await surveyor.post(`/tasks/${key}/complete`, { variables: SURVEY_OK })).status).toBe(200);
  await expectOpenTasks(platform, applicationNo, ['supply-scheme']);

  const audit = await (await platform.as('admin')).get(`/audit?target=${encodeURIComponent(`task:${key}`)}&size=50`);
  const outcomes = (audit.body.items as { action: string; outcome: string }[]).map((row) => row.outcome).reverse();
  expect(outcomes).toEqual(['refused', 'refused', 'refused', 'ok']);

  // A step that is done takes no more uploads.
  const late = await uploadDocument(surveyor, applicationNo, 'site-photo', { taskKey: key });
  expect(late.status).toBe(409);
  expect(((await late.json()) as { code: string }).code).toBe('TASK_NOT_OPEN');
}, 60_000);

test('an upload names an open task of that case that the user may see; else 404 and nothing is kept', async () => {
  const [first, second] = [await newCase('上海市浦东新区锦绣路 200 号'), await newCase('上海市浦东新区锦绣路 300 号')];
  const [survey] = await expectOpenTasks(platform, first, ['survey']);
  const surveyor = await platform.as('wangqiang');

  // The task of another case.
  const elsewhere = await uploadDocument(surveyor, second, 'site-photo', { taskKey: survey.userTaskKey });
  expect(elsewhere.status).toBe(404);
  // A surveyor of another unit (闵行) does not see the task or the case.
  const otherUnit = await uploadDocument(await platform.as('xugang'), first, 'site-photo', {
    taskKey: survey.userTaskKey,
  });
  expect(otherUnit.status).toBe(404);
  // Not a task at all.
  expect((await uploadDocument(surveyor, first, 'site-photo', { taskKey: '12ab' })).status).toBe(404);
  // The size and type checks are the case upload's.
  const exe = await uploadDocument(surveyor, first, 'site-photo', {
    taskKey: survey.userTaskKey,
    file: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 1)]),
  });
  expect(exe.status).toBe(415);

  for (const applicationNo of [first, second])
    expect((await surveyor.get(`/cases/${applicationNo}/documents`)).body.items).toEqual([]);
}, 60_000);

test('a document is deleted by its uploader or a supervisor only, and the step needs it again', async () => {
  const applicationNo = await newCase('上海市浦东新区锦绣路 400 号');
  const [survey] = await expectOpenTasks(platform, applicationNo, ['survey']);
  const surveyor = await platform.as('wangqiang');
  const uploaded = (await (
    await uploadDocument(surveyor, applicationNo, 'site-photo', { taskKey: survey.userTaskKey })
  ).json()) as { id: number };
  const path = `/cases/${applicationNo}/documents/${uploaded.id}`;

  const notTheirs = await (await platform.as('zhangli')).delete(path);
  expect([notTheirs.status, notTheirs.body.code]).toEqual([403, 'NOT_YOUR_DOCUMENT']);
  expect((await (await platform.as('wuting')).delete(path)).status).toBe(404);
  expect((await surveyor.delete(path)).status).toBe(204);
  expect((await surveyor.fetch(`${path}/content`)).status).toBe(404);
  expect((await surveyor.get(`/tasks/${survey.userTaskKey}`)).body.documents.missing).toEqual(['site-photo']);
  const audit = await (await platform.as('admin')).get(`/audit?target=${encodeURIComponent(`case:${applicationNo}`)}`);
  expect((audit.body.items as { action: string }[]).map((row) => row.action)).toContain('document.delete');
}, 60_000);
