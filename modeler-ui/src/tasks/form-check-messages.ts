/**
 * form-js writes its field checks' messages in English only. Each one it has, with its number or pattern, is put
 * into the chosen language; a message it does not know stays as form-js wrote it.
 */
import type { MessageKey } from '../i18n/zh-CN';

const MESSAGES: [RegExp, MessageKey][] = [
  [/^Field is required\.$/, 'formCheck.required'],
  [/^Value is not a number\.$/, 'formCheck.number'],
  [/^Field must have minimum value of (.+)\.$/, 'formCheck.min'],
  [/^Field must have maximum value of (.+)\.$/, 'formCheck.max'],
  [/^Field must have minimum length of (.+)\.$/, 'formCheck.minLength'],
  [/^Field must have maximum length of (.+)\.$/, 'formCheck.maxLength'],
  [/^Field must match pattern (.+)\.$/, 'formCheck.pattern'],
  [/^Field must be a valid email\.$/, 'formCheck.email'],
];

export function formCheckMessage(
  message: string,
  t: (key: MessageKey, values?: Record<string, string | number>) => string,
): string {
  for (const [pattern, key] of MESSAGES) {
    const match = pattern.exec(message);
    if (match) return t(key, { value: match[1] ?? '' });
  }
  return message;
}
