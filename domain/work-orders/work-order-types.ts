/**
 * The 95598 order types (docs/business-rules.md §3) and their sub-types. The codes are what the routing and time-limit
 * DMN tables test, so they change together with bpmn/work-orders/*.dmn.
 */
export const ORDER_TYPES = {
  consultation: { name: '咨询', subTypes: [] },
  query: { name: '查询', subTypes: [] },
  'fault-repair': { name: '故障报修', subTypes: ['outage', 'low-voltage', 'meter-burnt', 'other'] },
  complaint: {
    name: '投诉',
    subTypes: ['service', 'business', 'outage', 'power-quality', 'grid-construction'],
  },
  report: { name: '举报', subTypes: ['misconduct', 'theft', 'violation', 'facility-damage'] },
  suggestion: { name: '建议', subTypes: [] },
  opinion: { name: '意见', subTypes: [] },
  praise: { name: '表扬', subTypes: [] },
  'service-request': {
    name: '服务申请',
    subTypes: ['reconnection', 'meter-fault', 'reading-anomaly', 'meter-test', 'data-query', 'other'],
  },
  urging: { name: '催办', subTypes: [] },
} as const;

export type OrderType = keyof typeof ORDER_TYPES;
export const ORDER_TYPE_CODES = Object.keys(ORDER_TYPES) as [OrderType, ...OrderType[]];

export const CHANNELS = ['phone', 'web', 'app', 'wechat'] as const;
export const URGENCIES = ['normal', 'urgent', 'major'] as const;
export const AREA_TYPES = ['urban', 'rural', 'remote'] as const;

/** A Chinese mobile number (1xx xxxx xxxx) or a landline with area code (010-12345678, 021 1234 5678). */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

export function subTypeAllowed(orderType: OrderType, subType: string | undefined): boolean {
  const allowed: readonly string[] = ORDER_TYPES[orderType].subTypes;
  return subType === undefined || allowed.includes(subType);
}

/** What a new order may be, for the agents' intake screen: each type with its sub-types, the channels and urgencies. */
export function workOrderChoices() {
  return {
    orderTypes: ORDER_TYPE_CODES.map((code) => ({ code, subTypes: [...ORDER_TYPES[code].subTypes] })),
    channels: [...CHANNELS],
    urgencies: [...URGENCIES],
    areaTypes: [...AREA_TYPES],
  };
}
