/**
 * Reference data of the 95598 work orders: the roles along the dispatch chain (role codes are the BPMN candidate
 * groups), the repair crews under each supply unit (Group.areas decides who serves an area) and the first
 * knowledge-base articles. Kept in step at every start; administrators' changes to articles are left alone.
 */
import { Group, Role } from '../../db/core/user-models';
import { KnowledgeArticle } from '../../db/work-orders';

export const WORK_ORDER_ROLES = [
  {
    code: 'agent',
    name: '95598坐席',
    nameEn: '95598 agent',
    permissions: ['work-orders:write', 'knowledge:write', 'pii:view'],
  },
  {
    code: 'national-dispatcher',
    name: '国网客服中心派单员',
    nameEn: 'National center dispatcher',
    permissions: ['tasks:complete'],
  },
  { code: 'province-dispatcher', name: '省公司派单员', nameEn: 'Province dispatcher', permissions: ['tasks:complete'] },
  {
    code: 'dispatcher',
    name: '供电服务指挥中心调度员',
    nameEn: 'Command center dispatcher',
    permissions: ['tasks:complete'],
  },
  {
    code: 'crew',
    name: '抢修/处理班组',
    nameEn: 'Repair and handling crew',
    permissions: ['tasks:complete', 'pii:view'],
  },
  { code: 'reviewer', name: '工单审核员', nameEn: 'Work-order reviewer', permissions: ['tasks:complete'] },
  { code: 'callback-agent', name: '回访员', nameEn: 'Callback agent', permissions: ['tasks:complete'] },
];

export const WORK_ORDER_CREWS = [
  { code: 'SH-PD-QX', name: '浦东抢修一班', level: 'crew', parentCode: 'SH-PD', areas: ['SH-PD'] },
  { code: 'SH-MH-QX', name: '闵行抢修一班', level: 'crew', parentCode: 'SH-MH', areas: ['SH-MH'] },
  { code: 'SH-CM-QX', name: '崇明抢修班', level: 'crew', parentCode: 'SH-CM', areas: ['SH-CM'] },
];

export const KNOWLEDGE_ARTICLES = [
  {
    title: '居民阶梯电价标准',
    category: '电价',
    keywords: ['电价', '阶梯', '一度电', '电费标准'],
    content:
      '居民生活用电实行阶梯电价，分三档：第二档在第一档基础上每千瓦时加价0.05元，第三档加价0.30元。' +
      '上海年度分档电量为0–3120、3120–4800、4800千瓦时以上。具体价格以当地物价部门公布为准。',
  },
  {
    title: '停电信息查询',
    category: '停电',
    keywords: ['停电', '计划停电', '什么时候来电', '停电通知'],
    content:
      '计划停电会提前7天通过网上国网App、95598网站和短信公告；故障停电可拨打95598查询抢修进度。' +
      '您也可在网上国网App“停电信息”栏目按地址查询。',
  },
  {
    title: '电费缴纳方式',
    category: '缴费',
    keywords: ['缴费', '交电费', '交费', '支付', '网上国网'],
    content:
      '可通过网上国网App、支付宝、微信、银行代扣、营业厅柜台等方式缴纳电费。' +
      '欠费缴清后，供电企业在24小时内恢复供电。',
  },
];

export async function seedWorkOrderReference(): Promise<void> {
  for (const role of WORK_ORDER_ROLES) await Role.upsert(role);
  for (const crew of WORK_ORDER_CREWS) await Group.upsert(crew);
  for (const article of KNOWLEDGE_ARTICLES) {
    if (await KnowledgeArticle.findOne({ where: { title: article.title } })) continue;
    await KnowledgeArticle.create({ ...article, updatedBy: 'system' });
  }
}
