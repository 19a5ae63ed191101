import { BANK_FILE_HEADER, fenOf, parseBankFile } from './bank-file-format';

test('rows, the bank totals and the rows that cannot be read', () => {
  const file = parseBankFile(
    [
      BANK_FILE_HEADER,
      'S1,HH1,150.00,2026-04-24,2026-02',
      'S2,HH2,12.5,2026-04-24,',
      'S3,HH3,abc,2026-04-24,',
      'TOTAL,3,162.50',
      '',
    ].join('\r\n'),
  );
  expect(file).toMatchObject({ declaredCount: 3, declaredFen: 16_250 });
  expect(file.rows.map((row) => [row.serial, row.amountFen, row.period, row.problem === null])).toEqual([
    ['S1', 15_000, '2026-02', true],
    ['S2', 1_250, null, true],
    ['S3', null, null, false],
  ]);
});

test('amounts in yuan to fen without binary fractions; a file without its header or TOTAL line refused', () => {
  expect(fenOf('0.29')).toBe(29);
  expect(fenOf('1.234')).toBeNull();
  expect(() => parseBankFile('S1,HH1,1.00,2026-04-24,\nTOTAL,1,1.00')).toThrow(/first line/);
  expect(() => parseBankFile(`${BANK_FILE_HEADER}\nS1,HH1,1.00,2026-04-24,`)).toThrow(/last line/);
});
