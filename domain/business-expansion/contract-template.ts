/**
 * The supply contract's text (供用电合同): a template with the scheme's fields. Kept as data beside the worker so
 * that the legal department's wording changes in one place.
 */
export const CONTRACT_TEMPLATE = `供用电合同（{contractNo}）

供电人：国网上海市电力公司（{supplyUnit}）
用电人：{customerName}（客户编号 {customerNo}，证件号码 {idNumber}）
申请编号：{applicationNo}（{businessTypeName}）

第一条 用电地址：{address}
第二条 用电类别：{category}；供电电压：{supplyVoltage}；合同容量：{capacityKva} kVA
第三条 供电电源：{supplyPoint}；线路类型：{lineType}
第四条 计量方式：{meteringMethod}；计费方式：{billingMethod}
第五条 产权分界点以供电方案为准；双方按《供电营业规则》履行各自义务。
第六条 本合同自双方签字之日起生效。`;

export const BILLING_METHOD_NAMES: Record<string, string> = {
  'single-part': '单一制',
  'two-part': '两部制',
  'customer-choice': '由客户选择',
};

export const LINE_TYPE_NAMES: Record<string, string> = { overhead: '架空线路', cable: '电缆线路' };

export function renderContract(fields: Record<string, string | number>): string {
  return CONTRACT_TEMPLATE.replace(/\{(\w+)\}/g, (_match, name: string) => String(fields[name] ?? '—'));
}
