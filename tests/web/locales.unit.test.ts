/** The web app's two languages carry the same keys, and the locale-dependent formatting does what the screens say. */
import { zhCN } from '../../modeler-ui/src/i18n/zh-CN';
import { enUS } from '../../modeler-ui/src/i18n/en-US';
import { fill, formatYuan, pickLanguage } from '../../modeler-ui/src/i18n/format';

test('zh-CN and en-US have the same keys, none empty, with the same placeholders', () => {
  expect(Object.keys(enUS).sort()).toEqual(Object.keys(zhCN).sort());
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const [key, zh] of Object.entries(zhCN) as [keyof typeof zhCN, string][]) {
    const en = enUS[key];
    expect({ key, empty: zh === '' || en === '' }).toEqual({ key, empty: false });
    expect({ key, placeholders: placeholders(en) }).toEqual({ key, placeholders: placeholders(zh) });
  }
});

test('no Chinese in the English texts except the language switch, which names the other language', () => {
  const chinese = Object.entries(enUS).filter(
    ([key, text]) => key !== 'app.switchLanguage' && /[\u3400-\u9fff]/.test(text),
  );
  expect(chinese).toEqual([]);
});

test('API messages are cut to the chosen language', () => {
  const message = '任务已被 wangqiang 认领 / already claimed by wangqiang';
  expect(pickLanguage(message, 'zh-CN')).toBe('任务已被 wangqiang 认领');
  expect(pickLanguage(message, 'en-US')).toBe('already claimed by wangqiang');
  expect(pickLanguage('plain', 'en-US')).toBe('plain');
});

test('amounts in fen are shown as yuan to the fen, grouped by the locale', () => {
  expect(formatYuan(23_750_000_00, 'zh-CN')).toBe('23,750,000.00');
  expect(formatYuan(1, 'en-US')).toBe('0.01');
  expect(fill(zhCN['amount.yuan'], { amount: formatYuan(12345, 'zh-CN') })).toBe('123.45 元');
  expect(fill(enUS['amount.yuan'], { amount: formatYuan(12345, 'en-US') })).toBe('CNY 123.45');
});
