/**
 * Chinese for what the decision-table editor (dmn-js) shows: the column headers, the hit policy, the cell editors
 * and the context menu, given to dmn-js as its `translate` service (like bpmn-translations.ts for bpmn-js). A text
 * without an entry stays as dmn-js has it.
 */
export const DMN_ZH: Record<string, string> = {
  When: '当',
  And: '且',
  Then: '则',
  'Hit policy:': '命中策略：',
  Unique: '唯一',
  First: '首个',
  Priority: '优先级',
  Any: '任意',
  Collect: '收集',
  'Rule order': '规则顺序',
  'Output order': '输出顺序',
  'View DRD': '查看决策需求图',
  'Input label: ': '输入标签：',
  'Input expression: ': '输入表达式：',
  'Input values': '输入取值',
  'Input type': '输入类型',
  'Output label: ': '输出标签：',
  'Output name: ': '输出名称：',
  'Output values': '输出取值',
  'Output type': '输出类型',
  'Decision name: ': '决策名称：',
  string: '字符串',
  number: '数字',
  boolean: '布尔',
  date: '日期',
  Input: '输入',
  Output: '输出',
  'Output label': '输出标签',
  'Output name': '输出名称',
  'Add input': '添加输入',
  'Expression language': '表达式语言',
  Type: '类型',
  Value: '值',
  Values: '取值',
  'Predefined values': '预设取值',
  'Strings must be in double quotes': '字符串须用双引号',
  Yes: '是',
  No: '否',
  Delete: '删除',
  'Remove rule': '删除规则',
  'Remove input column': '删除输入列',
  'Remove output column': '删除输出列',
  'Edit number': '编辑数字',
  'Edit date': '编辑日期',
  Comparison: '比较',
  Range: '范围',
  Equals: '等于',
  Less: '小于',
  'Less or equals': '小于等于',
  Greater: '大于',
  'Greater or equals': '大于等于',
};

/** The dmn-js `translate` service for a locale: Chinese from the table, placeholders `{name}` filled. */
export function dmnTranslateModule(locale: string): Record<string, unknown> {
  const translate = (template: string, replacements: Record<string, string> = {}) =>
    (locale === 'zh-CN' ? (DMN_ZH[template] ?? template) : template).replace(
      /{([^}]+)}/g,
      (_, key: string) => replacements[key] ?? `{${key}}`,
    );
  return { translate: ['value', translate] };
}
