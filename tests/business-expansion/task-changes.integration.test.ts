/**
 * What a 业扩 task may change (decision 0027): only its form's editable fields. Each refusal below used to be
 * accepted and flow into the process: a key the form does not have, a read-only field, the case's identity, a
 * decision left out or sent under another name (read as "no" by the gateway), text that is only blanks. Claims
 * and completions, refused ones too, are in the audit log; the customer is told the supply scheme.
 */
import { uploadRequiredDocuments, usePlatform, type Platform } from '../platform/platform-kit';
import { waitFor } from '../support/wait-for';
import {
  SCHEME_HV,
  SURVEY_OK,
  caseOf,
  completeCaseTask,
  expectOpenTasks,
  hvApplication,
  submit,
} from './business-expansion-kit';

let platform: Platform;

usePlatform((started) => {
  platform = started;
});

async function tryComplete(login: string, userTaskKey: string, variables: Record<string, unknown>) {
  return (await platform.as(login)).post(`/tasks/${userTaskKey}/complete`, { variables });
}

const fieldsOf = (answer: { body: { details?: { field: string }[] } }) =>
  (answer.body.details ?? []).map((violation) => violation.field);

async function auditOf(target: string) {
  const answer = await (await platform.as('admin')).get(`/audit?target=${encodeURIComponent(target)}&size=50`);
  expect(answer.status).toBe(200);
  return answer.body.items as { actor: string; action: string; outcome: string; address: string | null }[];
}

/** A new HV case on `day` whose survey the surveyor has claimed. */
async function claimedSurvey(day: string, company: string) {
  await platform.pinClock(`${day}T02:00:00Z`);
  const { applicationNo: no } = await submit(platform, hvApplication(company));
  const [survey] = await expectOpenTasks(platform, no, ['survey']);
  const key = survey.userTaskKey as string;
  const surveyor = await platform.as('wangqiang');
  expect((await surveyor.post(`/tasks/${key}/claim`, {})).status).toBe(200);
  return { no, key, surveyor };
}

test('a task takes only the editable fields of its form; each refusal names the field and is audited', async () => {
  const { no, key } = await claimedSurvey('2026-11-02', '上海金桥表单校验有限公司');

  const unknown = await tryComplete('wangqiang', key, { ...SURVEY_OK, approved: true });
  expect([unknown.status, fieldsOf(unknown)]).toEqual([400, ['approved']]);
  expect(unknown.body.message).toContain('approved');

  const readOnly = await tryComplete('wangqiang', key, { ...SURVEY_OK, address: '别处' });
  expect([readOnly.status, fieldsOf(readOnly)]).toEqual([400, ['address']]);

  for (const identity of [{ businessKey: 'YK-OTHER' }, { customerName: '他人' }, { feeFen: 0 }]) {
    const answer = await tryComplete('wangqiang', key, { ...SURVEY_OK, ...identity });
    expect([answer.status, fieldsOf(answer)]).toEqual([400, Object.keys(identity)]);
  }

  // Left out, documentsComplete would have been read as "documents missing" by the gateway.
  const noDecision = await tryComplete('wangqiang', key, { surveyFindings: '现场具备接电条件' });
  expect([noDecision.status, fieldsOf(noDecision)]).toEqual([400, ['documentsComplete']]);
  // 'yes' is not true: the form also asks which documents are missing.
  const notBoolean = await tryComplete('wangqiang', key, { ...SURVEY_OK, documentsComplete: 'yes' });
  expect([notBoolean.status, fieldsOf(notBoolean)]).toEqual([400, ['documentsComplete', 'missingDocuments']]);

  // form-js counts the trimmed text: one character between blanks is too short.
  const blanks = await tryComplete('wangqiang', key, { documentsComplete: true, surveyFindings: '  好  ' });
  expect([blanks.status, fieldsOf(blanks)]).toEqual([400, ['surveyFindings']]);

  await uploadRequiredDocuments(await platform.as('wangqiang'), key);
  expect((await tryComplete('wangqiang', key, SURVEY_OK)).status).toBe(200);
  const audit = await auditOf(`task:${key}`);
  const rows = audit.map((row) => [row.action, row.outcome]).reverse();
  expect(rows).toEqual([['task.claim', 'ok'], ...Array(8).fill(['task.complete', 'refused']), ['task.complete', 'ok']]);
  expect(audit.every((row) => row.actor === 'wangqiang' && row.address)).toBe(true);

  // A decision under a wrong name decides nothing: the approval flag itself is required.
  await completeCaseTask(platform, no, 'supply-scheme', 'liuyang', { ...SCHEME_HV, supplyVoltage: '10kV' });
  const [approval] = await expectOpenTasks(platform, no, ['scheme-approval']);
  const wrongName = await tryComplete('chenjing', approval.userTaskKey, { approved: true, approvalComment: '同意' });
  expect([wrongName.status, fieldsOf(wrongName)]).toEqual([400, ['approved', 'schemeApproved']]);
  const missing = await tryComplete('chenjing', approval.userTaskKey, { approvalComment: '同意' });
  expect([missing.status, fieldsOf(missing)]).toEqual([400, ['schemeApproved']]);
  const noReason = await tryComplete('chenjing', approval.userTaskKey, { schemeApproved: false });
  expect([noReason.status, fieldsOf(noReason)]).toEqual([400, ['approvalComment']]);
  await completeCaseTask(platform, no, 'scheme-approval', 'chenjing', {
    schemeApproved: true,
    approvalComment: '同意',
  });

  // The approved scheme is replied to the customer (答复供电方案).
  const reply = await waitFor(
    async () => {
      const notices = await (await platform.as('admin')).get(`/notifications?businessKey=${no}`);
      return notices.body.items.find((notice: any) => notice.kind === 'supply-scheme');
    },
    { timeout: 15_000, interval: 200, description: `the supply-scheme reply of ${no}` },
  );
  expect(reply).toMatchObject({ recipientType: 'customer' });
  expect(reply.body).toContain('10kV');
  expect(reply.body).toContain(SCHEME_HV.supplyPoint);
  const record = await caseOf(platform, no);
  expect(record.steps.map((step: any) => step.step)).toEqual(['survey', 'scheme-approval']);
}, 120_000);

test('unclaiming is audited; a scheme left partly empty names every missing field', async () => {
  const { no, key, surveyor } = await claimedSurvey('2026-11-03', '上海金桥默认值有限公司');
  expect((await surveyor.post(`/tasks/${key}/unclaim`, {})).status).toBe(200);
  expect((await auditOf(`task:${key}`)).map((row) => row.action)).toEqual(['task.unclaim', 'task.claim']);
  await completeCaseTask(platform, no, 'survey', 'wangqiang', SURVEY_OK);
  const [scheme] = await expectOpenTasks(platform, no, ['supply-scheme']);
  // The scheme defaults (DMN) already set the metering and billing methods; the rest must be entered.
  const partial = await tryComplete('liuyang', scheme.userTaskKey, { supplyVoltage: '10kV' });
  expect([partial.status, fieldsOf(partial).sort()]).toEqual([
    400,
    ['externalWorksBuiltBy', 'lineType', 'supplyPoint'],
  ]);
}, 60_000);
