/**
 * Validation messages in Chinese first, English after: "容量必须是数字 / must be a number". Installed once for
 * every zod schema in the application.
 */
import { z, ZodIssueCode, type ZodErrorMap } from 'zod';

const typeNames: Record<string, string> = {
  string: '文本 / text',
  number: '数字 / a number',
  integer: '整数 / an integer',
  boolean: '是或否 / true or false',
  array: '列表 / a list',
  object: '对象 / an object',
  date: '日期 / a date',
};

const zhErrorMap: ZodErrorMap = (issue, context) => {
  switch (issue.code) {
    case ZodIssueCode.invalid_type:
      if (issue.received === 'undefined' || issue.received === 'null') return { message: '必填 / required' };
      return { message: `应为${typeNames[issue.expected] ?? issue.expected}` };
    case ZodIssueCode.too_small:
      if (issue.type === 'string')
        return { message: `至少 ${issue.minimum} 个字符 / at least ${issue.minimum} characters` };
      if (issue.type === 'array') return { message: `至少 ${issue.minimum} 项 / at least ${issue.minimum} items` };
      return { message: `不能小于 ${issue.minimum} / must be at least ${issue.minimum}` };
    case ZodIssueCode.too_big:
      return { message: `不能大于 ${issue.maximum} / must be at most ${issue.maximum}` };
    case ZodIssueCode.invalid_enum_value:
      return { message: `取值应为 ${issue.options.join('、')} 之一 / must be one of ${issue.options.join(', ')}` };
    case ZodIssueCode.invalid_string:
      return { message: `格式不正确 / invalid format (${String(issue.validation)})` };
    case ZodIssueCode.unrecognized_keys:
      return { message: `未知字段 / unknown fields: ${issue.keys.join(', ')}` };
    default:
      return { message: context.defaultError };
  }
};

z.setErrorMap(zhErrorMap);

export { z };
