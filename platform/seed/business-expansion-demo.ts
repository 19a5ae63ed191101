/**
 * 业扩 demo cases, real process instances made through the use cases: customers in Shanghai and cases in different
 * states — just submitted, at survey (claimed by the surveyor), waiting for payment (HV dual source), archived.
 */
import { caseTasks, requiredDocuments, submitApplication } from '../../domain/business-expansion';
import { Application } from '../../db/business-expansion';
import type { PlatformServices } from '../platform-services';

/** What the counter asks of a customer of this class, handed in as files named after their kind. */
const documents = (customerClass: string) =>
  requiredDocuments(customerClass, false).map((kind) => ({ kind, name: `${kind}.pdf` }));

const person = (name: string, idNumber: string, phone: string, address: string) => ({
  kind: 'person',
  name,
  idNumber,
  phone,
  address,
  area: 'SH-PD',
});

async function poll<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`demo seed: timed out waiting for ${what}`);
}

async function complete(
  services: PlatformServices,
  processInstanceKey: string,
  elementId: string,
  login: string,
  variables: Record<string, unknown>,
) {
  const { rest } = services.camunda;
  const task = await poll(async () => {
    const tasks = await caseTasks(services.camunda, processInstanceKey);
    return tasks.find((candidate) => candidate.elementId === elementId && candidate.state === 'CREATED');
  }, elementId);
  await rest.assignUserTask({ userTaskKey: task.userTaskKey, assignee: login, allowOverride: true });
  if (Object.keys(variables).length) await rest.completeUserTask({ userTaskKey: task.userTaskKey, variables });
}

const untilState = (applicationNo: string, state: string) =>
  poll(
    async () => ((await Application.findOne({ where: { applicationNo } }))?.state === state ? true : undefined),
    state,
  );

export async function seedBusinessExpansionDemo(services: PlatformServices): Promise<void> {
  const submit = (body: Record<string, unknown>) => submitApplication(services, body, 'zhangli');
  const residential = { businessType: 'new', voltage: '220V', capacityKva: 8, category: 'residential' };

  await submit({
    ...residential,
    customer: person('赵敏', '310115198803120022', '13816000001', '上海市浦东新区锦绣路 1088 弄 6 号 502 室'),
    address: '上海市浦东新区锦绣路 1088 弄 6 号 502 室',
    documents: documents('lv-residential'),
  });

  const atSurvey = await submit({
    businessType: 'new',
    voltage: '380V',
    capacityKva: 250,
    category: 'commercial',
    customer: {
      ...person('上海陆家嘴餐饮管理有限公司', '91310115MA1H7QXX2K', '02150001234', '上海市浦东新区陆家嘴环路 958 号'),
      kind: 'company',
    },
    address: '上海市浦东新区陆家嘴环路 958 号 B1 层',
    documents: documents('lv-non-residential'),
  });
  await complete(services, atSurvey.processInstanceKey, 'survey', 'wangqiang', {});

  const dual = await submit({
    businessType: 'new',
    voltage: '20kV',
    capacityKva: 1250,
    category: 'industrial',
    dualSource: true,
    customer: {
      ...person(
        '上海临港智能制造有限公司',
        '91310115MA1K3R8Y5L',
        '02158001888',
        '上海市浦东新区临港新片区海港大道 1555 号',
      ),
      kind: 'company',
    },
    address: '上海市浦东新区临港新片区海港大道 1555 号',
    documents: documents('hv-dual'),
  });
  const scheme = {
    supplyVoltage: '20kV',
    meteringMethod: '高供高计',
    billingMethod: 'two-part',
    lineType: 'overhead',
    externalWorksBuiltBy: 'supplier',
    circuitsInterconnected: true,
    supplyPoint: '临港 110kV 变电站 20kV I、II 段',
  };
  await complete(services, dual.processInstanceKey, 'survey', 'wangqiang', {
    documentsComplete: true,
    surveyFindings: '具备双电源接入条件',
  });
  await complete(services, dual.processInstanceKey, 'supply-scheme', 'liuyang', scheme);
  await complete(services, dual.processInstanceKey, 'scheme-approval', 'chenjing', {
    schemeApproved: true,
    approvalComment: '同意',
  });
  await untilState(dual.applicationNo, 'waiting-payment');

  const done = await submit({
    ...residential,
    customer: person('孙丽华', '310115197512250041', '13916000002', '上海市浦东新区张杨路 2389 弄 12 号 301 室'),
    address: '上海市浦东新区张杨路 2389 弄 12 号 301 室',
    documents: documents('lv-residential'),
  });
  const key = done.processInstanceKey;
  await complete(services, key, 'survey', 'wangqiang', { documentsComplete: true, surveyFindings: '具备接电条件' });
  await complete(services, key, 'supply-scheme', 'liuyang', {
    supplyVoltage: '220V',
    meteringMethod: '低压直接计量',
    billingMethod: 'single-part',
    lineType: 'cable',
    externalWorksBuiltBy: 'supplier',
    supplyPoint: '张杨路 10kV 开关站 #3 箱变',
  });
  await complete(services, key, 'sign-contract', 'zhangli', {
    contractSignatory: '孙丽华',
    contractSignedAt: '2026-10-08',
  });
  await complete(services, key, 'install-meter', 'sunhao', { sealNo: 'FY20261008', initialReading: 0 });
  await untilState(done.applicationNo, 'archived');
}
