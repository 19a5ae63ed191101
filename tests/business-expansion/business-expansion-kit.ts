/**
 * Helpers for the 业扩 end-to-end tests: applicants, applications through the API, and a case's tasks found across
 * its call tree (GET /business-expansion/applications/:no) and completed through the tasklist API as a demo user.
 */
import { uploadRequiredDocuments, type Platform } from '../platform/platform-kit';
import { waitFor } from '../support/wait-for';
import { residentId } from '../../lib/privacy/resident-id';

let serial = 0;

/** A new customer (inline in an application), unique per call. */
export function applicant(overrides: Record<string, unknown> = {}) {
  serial += 1;
  // A valid 居民身份证号码 (GB 11643): a birth day and a sequence that differ per call and per run.
  const born = new Date(Date.UTC(1950, 0, 1) + (Math.floor(Date.now() / 1000) % 20000) * 86_400_000);
  const id = residentId(
    `310115${born.toISOString().slice(0, 10).replaceAll('-', '')}${String(serial % 1000).padStart(3, '0')}`,
  );
  return {
    kind: 'person',
    name: `测试客户${serial}`,
    idNumber: id,
    phone: `139${String(10000000 + serial)}`,
    address: `上海市浦东新区世纪大道${100 + serial}号`,
    area: 'SH-PD',
    ...overrides,
  };
}

export const DOCUMENTS = {
  residential: [
    { kind: 'application-form', name: '用电申请表' },
    { kind: 'owner-id', name: '身份证' },
    { kind: 'property-proof', name: '房产证' },
  ],
  nonResidential: [
    { kind: 'application-form', name: '用电申请表' },
    { kind: 'business-licence', name: '营业执照' },
    { kind: 'land-property-proof', name: '租赁协议' },
    { kind: 'equipment-list', name: '设备清单' },
  ],
  highVoltage: [
    { kind: 'application-letter', name: '用电申请函' },
    { kind: 'land-property-proof', name: '土地证' },
    { kind: 'equipment-list', name: '设备清单' },
    { kind: 'business-licence', name: '营业执照' },
    { kind: 'legal-person-id', name: '法人身份证' },
    { kind: 'site-plan', name: '总平面图' },
    { kind: 'project-approval', name: '立项批复' },
  ],
};

/** A 220 V residential new connection of a new customer with its documents; `overrides` replace any field. */
export const residentialApplication = (overrides: Record<string, unknown> = {}) => ({
  customer: applicant(),
  businessType: 'new',
  address: '上海市浦东新区锦绣路 100 号',
  voltage: '220V',
  capacityKva: 8,
  category: 'residential',
  documents: DOCUMENTS.residential,
  ...overrides,
});

/** A 10 kV single-source factory application (an important customer also gets design review). */
export const hvApplication = (name: string, important = false) => ({
  customer: applicant({ kind: 'company', name, idNumber: `91310000MA1F${Date.now() % 1000000}`, important }),
  businessType: 'new',
  address: '上海市浦东新区张江路 1000 号',
  voltage: '10kV',
  capacityKva: 800,
  category: 'industrial',
  documents: DOCUMENTS.highVoltage,
});

export async function submit(platform: Platform, body: Record<string, unknown>) {
  const answer = await (await platform.as('zhangli')).post('/business-expansion/applications', body);
  if (answer.status !== 201) throw new Error(`submit failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as { applicationNo: string; processInstanceKey: string; customerClass: string };
}

export async function caseOf(platform: Platform, applicationNo: string) {
  const answer = await (await platform.as('admin')).get(`/business-expansion/applications/${applicationNo}`);
  if (answer.status !== 200) throw new Error(`case ${applicationNo}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** Tasks this test run has completed: the engine's task search is eventually consistent and may list them a moment longer. */
const completed = new Set<string>();

async function currentTasks(platform: Platform, applicationNo: string): Promise<any[]> {
  const tasks = (await caseOf(platform, applicationNo)).currentTasks as any[];
  return tasks.filter((task) => !completed.has(task.userTaskKey));
}

/**
 * Expects the case's open tasks (parallel branches open together) to become `expected`, waiting for the engine;
 * answers them (their element ids sorted) for further checks.
 */
export async function expectOpenTasks(platform: Platform, applicationNo: string, expected: string[]): Promise<any[]> {
  const wanted = JSON.stringify([...expected].sort());
  let seen: any[] = [];
  const ids = (tasks: any[]) => tasks.map((task) => task.elementId).sort();
  await waitFor(
    async () => {
      seen = await currentTasks(platform, applicationNo);
      return JSON.stringify(ids(seen)) === wanted;
    },
    { timeout: 15_000, interval: 150 },
  ).catch(() => undefined);
  expect(ids(seen)).toEqual([...expected].sort());
  return seen.sort((x, y) => x.elementId.localeCompare(y.elementId));
}

export async function completeCaseTask(
  platform: Platform,
  applicationNo: string,
  elementId: string,
  login: string,
  variables: Record<string, unknown> = {},
): Promise<void> {
  const task = await waitFor(
    async () => (await currentTasks(platform, applicationNo)).find((candidate) => candidate.elementId === elementId),
    { timeout: 15_000, interval: 150, description: `task ${elementId} of ${applicationNo}` },
  );
  const client = await platform.as(login);
  await uploadRequiredDocuments(client, task.userTaskKey);
  const answer = await client.post(`/tasks/${task.userTaskKey}/complete`, { variables });
  if (answer.status !== 200) throw new Error(`complete ${elementId} as ${login}: ${JSON.stringify(answer.body)}`);
  completed.add(task.userTaskKey);
}

/** Waits until the case's whole-case clock is in `state` (running | paused | ...): answers the case. */
export async function waitForClock(platform: Platform, applicationNo: string, state: string) {
  return waitFor(
    async () => {
      const record = await caseOf(platform, applicationNo);
      return record.timeLimit?.state === state ? record : undefined;
    },
    { timeout: 15_000, interval: 150, description: `${applicationNo} clock ${state}` },
  );
}

/**
 * The customer's works (first built, or rectified after a failed completion inspection) reported complete at the
 * counter, once the case waits on them in `waitingState` with its clock paused.
 */
export async function customerReportsWorksDone(platform: Platform, applicationNo: string, waitingState: string) {
  await waitForState(platform, applicationNo, waitingState);
  await waitForClock(platform, applicationNo, 'paused');
  const answer = await (
    await platform.as('zhangli')
  ).post(`/business-expansion/applications/${applicationNo}/construction-completed`);
  expect(answer.status).toBe(200);
}

/** The messages sent to the case's customer (kind customer), oldest first. */
export async function customerNotices(platform: Platform, applicationNo: string): Promise<any[]> {
  const answer = await (await platform.as('admin')).get(`/notifications?businessKey=${applicationNo}`);
  if (answer.status !== 200) throw new Error(`notifications: ${answer.status} ${JSON.stringify(answer.body)}`);
  return (answer.body.items as any[]).filter((item) => item.recipientType === 'customer').reverse();
}

/** Waits until the case's application reaches `state`. */
export async function waitForState(platform: Platform, applicationNo: string, state: string) {
  return waitFor(
    async () => {
      const record = await caseOf(platform, applicationNo);
      return record.application.state === state ? record : undefined;
    },
    { timeout: 15_000, interval: 150, description: `${applicationNo} in state ${state}` },
  );
}

/** The completed user tasks' element ids, in the order they were created. */
export async function pathTaken(platform: Platform, applicationNo: string): Promise<string[]> {
  return ((await caseOf(platform, applicationNo)).completedTasks as { elementId: string }[]).map((t) => t.elementId);
}

export const SCHEME_LV = {
  supplyPoint: '世纪变电站 10kV 世纪线 #12 箱变',
  lineType: 'cable',
  externalWorksBuiltBy: 'supplier',
};
export const SURVEY_OK = { documentsComplete: true, surveyFindings: '现场具备接电条件' };
export const CONTRACT_SIGNED = { contractSignatory: '客户本人', contractSignedAt: '2026-09-30' };
export const METER_INSTALLED = { sealNo: 'FY000123', initialReading: 0 };

export const SCHEME_HV = {
  meteringMethod: '高供高计',
  billingMethod: 'two-part',
  lineType: 'overhead',
  externalWorksBuiltBy: 'supplier',
  supplyPoint: '张江 110kV 变电站 10kV II 段 #15 开关',
};
/** A dual-source scheme also says whether the circuits are interconnected (the high-reliability fee depends on it). */
export const SCHEME_HV_DUAL = { ...SCHEME_HV, circuitsInterconnected: true };
export const INSPECTION_PASSED = { inspectionPassed: true, inspectionOpinion: '竣工检验合格' };
export const INSPECTION_FAILED = { inspectionPassed: false, inspectionOpinion: '接地电阻超标，整改后复验' };
export const SURVEY_INCOMPLETE = {
  documentsComplete: false,
  missingDocuments: '消防验收意见书',
  surveyFindings: '资料不全',
};
export const SCHEME_APPROVED = { schemeApproved: true, approvalComment: '同意' };
export const DESIGN_APPROVED = { designApproved: true, designReviewOpinion: '图纸符合要求' };
export const DESIGN_REJECTED = { designApproved: false, designReviewOpinion: '变压器容量与方案不符，请按 800kVA 修改' };
export const MID_INSPECTION_OK = { midInspectionOpinion: '隐蔽工程合格' };
export const ENERGIZED = { energizedAt: '2026-10-20T02:00:00Z', energizationNotes: '一次送电成功' };

/** A 20 kV dual-source (高压双电源) factory of `capacityKva`, submitted with its documents: classed hv-dual. */
export async function dualSourceCase(platform: Platform, name: string, capacityKva: number) {
  const customer = applicant({ kind: 'company', name, idNumber: `91310000MA1D${Date.now() % 1000000}` });
  const submitted = await submit(platform, {
    customer,
    businessType: 'new',
    address: '上海市浦东新区临港大道 2000 号',
    voltage: '20kV',
    capacityKva,
    category: 'industrial',
    dualSource: true,
    documents: DOCUMENTS.highVoltage,
  });
  expect(submitted.customerClass).toBe('hv-dual');
  return { no: submitted.applicationNo, phone: customer.phone };
}

/** A dual-source case surveyed, its scheme (`scheme` on top of SCHEME_HV_DUAL at 20 kV) made and approved. */
export async function throughApproval(platform: Platform, no: string, scheme: Record<string, unknown>): Promise<void> {
  await completeCaseTask(platform, no, 'survey', 'wangqiang', SURVEY_OK);
  await completeCaseTask(platform, no, 'supply-scheme', 'liuyang', {
    ...SCHEME_HV_DUAL,
    supplyVoltage: '20kV',
    ...scheme,
  });
  await completeCaseTask(platform, no, 'scheme-approval', 'chenjing', {
    schemeApproved: true,
    approvalComment: '同意',
  });
}
