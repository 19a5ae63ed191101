import { parseReadingLine } from './reading-row';

test('a line of the collection file, with the header and blank lines skipped', () => {
  expect(parseReadingLine('account,meter,register,reading,time', 1)).toEqual({ skip: true });
  expect(parseReadingLine('  ', 9)).toEqual({ skip: true });
  expect(parseReadingLine('A001, M001 ,total,1234.5,2026-11-05T08:00:00+08:00', 2)).toEqual({
    row: {
      line: 2,
      accountNo: 'A001',
      assetNo: 'M001',
      register: 'total',
      value: 1234.5,
      readAt: new Date('2026-11-05T00:00:00Z'),
    },
  });
});

test.each([
  ['A001,M001,total,1234.5', /5 columns, found 4/],
  ['A001,M001,kvah,1,2026-11-05', /unknown register "kvah"/],
  ['A001,M001,total,-3,2026-11-05', /not a number of zero or more/],
  ['A001,M001,total,abc,2026-11-05', /not a number/],
  ['A001,M001,total,3,yesterday', /not a time/],
  [',M001,total,3,2026-11-05', /account is empty/],
])('%s is refused with its line number', (text, message) => {
  const parsed = parseReadingLine(text, 7);
  expect(parsed).toEqual({ error: { line: 7, message: expect.stringMatching(message) } });
});
