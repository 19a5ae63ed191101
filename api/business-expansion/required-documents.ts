/**
 * The documents an applicant hands in, per customer class (docs/business-rules.md §1.3). A government-regulated
 * project's approval and the HV construction-stage documents are asked for later in the process, not at the counter.
 */
export const DOCUMENT_KINDS = {
  'application-form': '用电申请表',
  'application-letter': '用电申请函',
  'owner-id': '产权人身份证明',
  'property-proof': '房屋产权证明',
  'agent-id': '经办人身份证明',
  'authorization-letter': '授权委托书',
  'business-licence': '营业执照',
  'land-property-proof': '土地或房屋产权证明（或租赁协议）',
  'equipment-list': '用电设备清单',
  'legal-person-id': '法定代表人身份证明',
  'site-plan': '用电地理位置图及总平面图',
  'project-approval': '项目批准文件',
  'design-drawings': '受电工程设计图纸',
  other: '其他资料',
} as const;

export type DocumentKind = keyof typeof DOCUMENT_KINDS;

const REQUIRED_BY_CLASS: Record<string, DocumentKind[]> = {
  'lv-residential': ['application-form', 'owner-id', 'property-proof'],
  'lv-non-residential': ['application-form', 'business-licence', 'land-property-proof', 'equipment-list'],
  // 三零服务: the simplified list of small and micro customers.
  'three-zero': ['application-form', 'business-licence', 'land-property-proof'],
  'hv-single': [
    'application-letter',
    'land-property-proof',
    'equipment-list',
    'business-licence',
    'legal-person-id',
    'site-plan',
    'project-approval',
  ],
};
REQUIRED_BY_CLASS['hv-dual'] = REQUIRED_BY_CLASS['hv-single'];

/** The kinds a class needs; applying through an agent adds the agent's ID (and, for companies, the authorization). */
export function requiredDocuments(customerClass: string, throughAgent: boolean): DocumentKind[] {
  const kinds = [...(REQUIRED_BY_CLASS[customerClass] ?? REQUIRED_BY_CLASS['hv-single'])];
  if (throughAgent) kinds.push('agent-id');
  if (throughAgent && customerClass !== 'lv-residential') kinds.push('authorization-letter');
  return kinds;
}

export function missingDocuments(required: DocumentKind[], handedIn: { kind: string }[]): DocumentKind[] {
  const present = new Set(handedIn.map((document) => document.kind));
  return required.filter((kind) => !present.has(kind));
}

export const documentNames = (kinds: DocumentKind[]): string => kinds.map((kind) => DOCUMENT_KINDS[kind]).join('、');
