/** The 95598 work-order sheet (工单) as a printable notice: the order's facts and its history, step by step. */
import { chinaDateTime } from '../../lib/pdf/notice-format';
import { maskPhone } from '../../lib/privacy/mask-pii';
import type { NoticeContent } from '../../lib/pdf/notice-pdf';
import { requireOrder } from './work-order-detail-use-case';
import { orderHistory } from './work-order-repository';
import { orderSummary } from './work-order-view';

const URGENCY_NAMES: Record<string, string> = { normal: '一般', urgent: '紧急', major: '特急' };

/** The history's event kinds (db/work-orders/work-order-models.ts) as the sheet names them. */
const EVENT_NAMES: Record<string, string> = {
  created: '受理',
  answer: '坐席直接答复',
  'dispatch-accept': '派单接收',
  'dispatch-return': '派单退回',
  arrival: '到达现场',
  restoration: '恢复送电',
  reply: '回单',
  'review-pass': '回单审核通过',
  'review-return': '回单审核退回',
  callback: '客户回访',
  reopen: '重新处理',
  urge: '催办',
  supervise: '督办',
  archive: '归档',
};

/** `wholePhone`: the reader may see whole phone numbers (decision 0025); otherwise the sheet masks it. */
export async function workOrderSheet(orderNo: string, options: { wholePhone: boolean }): Promise<NoticeContent> {
  const order = orderSummary(await requireOrder(orderNo));
  const history = await orderHistory(orderNo);
  return {
    title: '95598 客户服务工单',
    issuer: '国家电网有限公司客户服务中心',
    number: orderNo,
    rows: [
      ['工单编号', orderNo],
      ['工单类型', order.orderTypeName],
      ['紧急程度', URGENCY_NAMES[order.urgency] ?? order.urgency],
      ['客户姓名', order.customerName],
      ['联系电话', options.wholePhone ? order.phone : maskPhone(order.phone)],
      ['地址', order.address],
      ['受理时间', chinaDateTime(order.acceptedAt)],
      ['承办单位', order.handlingUnit ?? '—'],
      ['诉求内容', order.content],
      ['处理答复', order.reply ?? '—'],
    ],
    sections: [
      {
        heading: '处理过程',
        text:
          history
            .map((event) =>
              [
                chinaDateTime(event.at),
                event.actorName ?? event.actor ?? '系统',
                EVENT_NAMES[event.kind] ?? event.kind,
                event.comment ?? '',
              ]
                .filter(Boolean)
                .join('  '),
            )
            .join('\n') || '—',
      },
    ],
    closing: ['服务热线 95598'],
  };
}
