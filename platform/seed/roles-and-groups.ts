/**
 * The roles (role codes are the BPMN candidate groups; `pii:view` lets a role see whole ID and phone numbers), the
 * organisation's groups and the separated steps. Reference data: kept in step with these lists at every start; an
 * administrator's additions are left alone.
 */
import { Group, Role, SeparatedStep } from '../../db/core/user-models';

export const ROLES = [
  {
    code: 'counter-clerk',
    name: '营业受理员',
    nameEn: 'Counter clerk',
    permissions: ['applications:write', 'customers:write', 'pii:view'],
  },
  { code: 'surveyor', name: '现场勘查员', nameEn: 'Surveyor', permissions: ['tasks:complete'] },
  { code: 'scheme-designer', name: '供电方案编制员', nameEn: 'Scheme designer', permissions: ['tasks:complete'] },
  { code: 'approver', name: '审批人', nameEn: 'Approver', permissions: ['tasks:complete'] },
  {
    code: 'construction',
    name: '施工与检验人员',
    nameEn: 'Construction and inspection',
    permissions: ['tasks:complete'],
  },
  { code: 'metering', name: '计量装接员', nameEn: 'Metering', permissions: ['tasks:complete'] },
  { code: 'analyst', name: '业务分析员', nameEn: 'Business analyst', permissions: ['models:write', 'models:deploy'] },
  {
    code: 'manager',
    name: '业务主管',
    nameEn: 'Manager',
    permissions: ['monitor:read', 'supervise', 'variables:edit'],
  },
  { code: 'admin', name: '系统管理员', nameEn: 'Administrator', permissions: ['*'] },
];

export const GROUPS = [
  { code: 'SGCC-95598', name: '国网客服中心', level: 'national', parentCode: null, areas: [] },
  { code: 'SH', name: '国网上海市电力公司', level: 'province', parentCode: 'SGCC-95598', areas: [] },
  { code: 'SH-CMD', name: '上海供电服务指挥中心', level: 'city', parentCode: 'SH', areas: [] },
  { code: 'SH-PD', name: '浦东供电公司', level: 'unit', parentCode: 'SH-CMD', areas: ['SH-PD'] },
  { code: 'SH-MH', name: '闵行供电公司', level: 'unit', parentCode: 'SH-CMD', areas: ['SH-MH'] },
  { code: 'SH-CM', name: '崇明供电公司', level: 'unit', parentCode: 'SH-CMD', areas: ['SH-CM'] },
];

/** The steps the starter of a case may not do (decision 0025): reviews and approvals of one's own application. */
export const SEPARATED_STEPS = [
  { bpmnProcessId: 'change-of-use', elementId: 'review', name: '业务受理审核' },
  { bpmnProcessId: 'business-expansion-high-voltage', elementId: 'design-review', name: '设计审查' },
  { bpmnProcessId: 'business-expansion-high-voltage', elementId: 'scheme-approval', name: '方案审批' },
  { bpmnProcessId: 'work-order', elementId: 'review', name: '回单审核' },
];

export async function seedRolesAndGroups(): Promise<void> {
  for (const role of ROLES) await Role.upsert(role);
  for (const group of GROUPS) await Group.upsert(group);
  for (const step of SEPARATED_STEPS) await SeparatedStep.upsert(step);
}
