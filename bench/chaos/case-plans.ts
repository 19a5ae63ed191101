/**
 * The cases the chaos run drives, one plan per kind: how the case is submitted (who, where, with what) and its steps
 * to the end — user tasks with the form data the end-to-end tests' kits hold, and what is done at the counter in
 * between (a payment, the customer's works reported done). Each kind ends in its area's final state.
 */
import {
  CONTRACT_SIGNED,
  DOCUMENTS,
  ENERGIZED,
  INSPECTION_PASSED,
  METER_INSTALLED,
  SCHEME_APPROVED,
  SCHEME_HV,
  SCHEME_HV_DUAL,
  SCHEME_LV,
  SURVEY_OK,
  applicant,
  residentialApplication,
} from '../../tests/business-expansion/business-expansion-kit';
import { TASK_USERS, orderBody } from '../../tests/work-orders/work-order-kit';

export type CaseKind =
  | 'order-consultation'
  | 'be-lv-residential'
  | 'be-lv-non-residential'
  | 'be-three-zero'
  | 'be-hv-single'
  | 'be-hv-dual'
  | 'change-split';

/** The area a kind belongs to: where its record is read and which state ends it. */
export type Area = 'work-order' | 'business-expansion' | 'change-of-use';

export type Step =
  | { task: string; login: string; variables: Record<string, unknown> }
  /** Pay at the counter what is due, once the fee is set and the case waits for it. */
  | { pay: true }
  /** The customer reports the works done, once the case waits on them. */
  | { worksDone: true };

export interface CasePlan {
  kind: CaseKind;
  area: Area;
  login: string;
  path: string;
  body: Record<string, unknown>;
  steps: Step[];
}

export const FINAL_STATE: Record<Area, string> = {
  'work-order': 'archived',
  'business-expansion': 'archived',
  'change-of-use': 'completed',
};

export const KINDS: CaseKind[] = [
  'order-consultation',
  'be-lv-residential',
  'be-lv-non-residential',
  'be-three-zero',
  'be-hv-single',
  'be-hv-dual',
  'change-split',
];

const task = (task: string, login: string, variables: Record<string, unknown> = {}): Step => ({
  task,
  login,
  variables,
});

const ANSWER = { answer: '可通过网上国网 APP、支付宝或营业厅缴纳电费。', answerResolved: true };
const LV_SCHEME = { ...SCHEME_LV, supplyVoltage: '220V', meteringMethod: '低压直接计量', billingMethod: 'single-part' };
const LV_SCHEME_380 = {
  ...SCHEME_LV,
  supplyVoltage: '380V',
  meteringMethod: '低压经互感器计量',
  billingMethod: 'two-part',
};
/** Inspection, then the contract and the meter (in either order the model opens them), then energization. */
const HV_TAIL = [
  task('completion-inspection', 'zhaolei', INSPECTION_PASSED),
  task('sign-contract', 'zhangli', CONTRACT_SIGNED),
  task('install-meter', 'sunhao', METER_INSTALLED),
  task('energization', 'zhaolei', ENERGIZED),
];

const company = (name: string, n: number, extra: Record<string, unknown> = {}) =>
  applicant({ kind: 'company', name: `${name}${n}`, idNumber: `91310000CH${String(n).padStart(8, '0')}`, ...extra });

/** A new connection (业扩 新装) of `customer` with the given site and documents. */
const newConnection = (customer: Record<string, unknown>, site: Record<string, unknown>) => ({
  customer,
  businessType: 'new',
  ...site,
});

const businessExpansion = (
  kind: CaseKind,
  body: Record<string, unknown>,
  steps: Step[],
): Omit<CasePlan, 'kind'> & { kind: CaseKind } => ({
  kind,
  area: 'business-expansion',
  login: 'zhangli',
  path: '/business-expansion/applications',
  body,
  steps,
});

/** The n-th case of a kind; `today` is the China date steps record (a signing day), `accountId` for a change. */
export function casePlan(kind: CaseKind, n: number, context: { today: string; requested: string; accountId?: number }) {
  switch (kind) {
    case 'order-consultation':
      return {
        kind,
        area: 'work-order',
        login: 'liuna',
        path: '/work-orders',
        body: orderBody({
          orderType: 'consultation',
          subType: undefined,
          content: '请问交电费有哪些方式？',
          phone: `138${String(n).padStart(8, '0')}`,
        }),
        steps: [task('agent-answer', TASK_USERS['agent-answer'], ANSWER)],
      } satisfies CasePlan;
    case 'be-lv-residential':
      return businessExpansion(kind, residentialApplication(), [
        task('survey', 'wangqiang', SURVEY_OK),
        task('supply-scheme', 'liuyang', LV_SCHEME),
        task('sign-contract', 'zhangli', CONTRACT_SIGNED),
        task('install-meter', 'sunhao', METER_INSTALLED),
      ]);
    case 'be-lv-non-residential':
      return businessExpansion(
        kind,
        newConnection(company('压测餐饮有限公司', n), {
          address: '上海市浦东新区东方路 800 号 1 层',
          voltage: '380V',
          capacityKva: 200,
          category: 'commercial',
          documents: DOCUMENTS.nonResidential,
        }),
        [
          task('survey', 'wangqiang', SURVEY_OK),
          task('supply-scheme', 'liuyang', LV_SCHEME_380),
          task('completion-inspection', 'zhaolei', INSPECTION_PASSED),
          task('sign-contract', 'zhangli', CONTRACT_SIGNED),
          task('install-meter', 'sunhao', METER_INSTALLED),
        ],
      );
    case 'be-three-zero':
      return businessExpansion(
        kind,
        newConnection(company('压测小微咖啡馆', n), {
          address: '上海市浦东新区浦电路 38 号',
          voltage: '380V',
          capacityKva: 160,
          category: 'commercial',
          documents: DOCUMENTS.nonResidential.slice(0, 3),
        }),
        [task('install-meter', 'sunhao', METER_INSTALLED)],
      );
    case 'be-hv-single':
      return businessExpansion(
        kind,
        newConnection(company('压测精密制造有限公司', n), {
          address: '上海市浦东新区张江路 1000 号',
          voltage: '10kV',
          capacityKva: 800,
          category: 'industrial',
          documents: DOCUMENTS.highVoltage,
        }),
        [
          task('survey', 'wangqiang', SURVEY_OK),
          task('supply-scheme', 'liuyang', { ...SCHEME_HV, supplyVoltage: '10kV' }),
          task('scheme-approval', 'chenjing', SCHEME_APPROVED),
          { worksDone: true },
          ...HV_TAIL,
        ],
      );
    case 'be-hv-dual':
      return businessExpansion(
        kind,
        newConnection(company('压测数据中心有限公司', n), {
          address: '上海市浦东新区临港大道 2000 号',
          voltage: '20kV',
          capacityKva: 2000,
          category: 'industrial',
          dualSource: true,
          documents: DOCUMENTS.highVoltage,
        }),
        [
          task('survey', 'wangqiang', SURVEY_OK),
          task('supply-scheme', 'liuyang', { ...SCHEME_HV_DUAL, supplyVoltage: '20kV' }),
          task('scheme-approval', 'chenjing', SCHEME_APPROVED),
          { pay: true },
          { worksDone: true },
          ...HV_TAIL,
        ],
      );
    case 'change-split':
      // 分户: a works fee set at review and paid at the counter, a meter installed on site (effective that day), both
      // accounts re-contracted (change-of-use-kit's split, on today's date instead of a pinned clock).
      return {
        kind,
        area: 'change-of-use',
        login: 'zhangli',
        path: '/change-of-use/applications',
        body: {
          accountId: context.accountId,
          changeType: 'split',
          splitCapacityKva: 200,
          requestedDate: context.requested,
          reason: '分户',
        },
        steps: [
          task('review', 'lixue', { approved: true, feeYuan: 1500 }),
          { pay: true },
          task('site_work', 'sunhao', { siteWorkDate: context.today }),
          task('contract', 'zhangli', { contractSignedOn: context.today }),
          task('archive_task', 'zhangli', { documentsComplete: true }),
        ],
      } satisfies CasePlan;
  }
}
