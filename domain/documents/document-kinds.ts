/** What a document may be: the kinds an application's papers have (业扩), and what a step adds to any case. */
import { DOCUMENT_KINDS as APPLICATION_DOCUMENT_KINDS } from '../business-expansion';

export const DOCUMENT_KINDS: Record<string, string> = {
  ...APPLICATION_DOCUMENT_KINDS,
  'site-photo': '现场照片',
  'signed-form': '客户签字确认单',
  'completion-report': '竣工资料（竣工图、试验报告）',
};
