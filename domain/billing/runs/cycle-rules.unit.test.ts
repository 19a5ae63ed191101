import { BILL_REVIEW_RULES, flagBill, inSample } from './cycle-rules';

const rules = BILL_REVIEW_RULES.defaults[0].body;
const bill = (values: Partial<Parameters<typeof flagBill>[0]>) => ({
  runNo: 'CB202611-T1',
  accountId: 1,
  amountFen: 10_000,
  previousFen: 10_000,
  ...values,
});
const notSampled = (accountId = 1) => {
  let id = accountId;
  while (inSample('CB202611-T1', id, rules.samplePercent)) id += 1;
  return id;
};

test('a bill over the amount and one changed by more than the share are flagged, with their figures', () => {
  const accountId = notSampled();
  expect(flagBill(bill({ accountId }), rules)).toEqual([]);
  expect(flagBill(bill({ accountId, amountFen: rules.amountOverFen, previousFen: null }), rules)).toEqual([
    { rule: 'amount-over', detail: { amountFen: rules.amountOverFen, limitFen: rules.amountOverFen } },
  ]);
  const over = 10_000 * (1 + rules.changeOverPercent / 100) + 1;
  expect(flagBill(bill({ accountId, amountFen: over }), rules).map((reason) => reason.rule)).toEqual(['change-over']);
  expect(flagBill(bill({ accountId, amountFen: over - 1 }), rules)).toEqual([]);
});

test('the sample is about its share and the same every time it is drawn', () => {
  const drawn = Array.from({ length: 10_000 }, (_, index) => inSample('CB202611-T1', index, 10)).filter(Boolean);
  expect(drawn.length).toBeGreaterThan(900);
  expect(drawn.length).toBeLessThan(1100);
  expect(inSample('CB202611-T1', 42, 10)).toBe(inSample('CB202611-T1', 42, 10));
  expect(inSample('CB202611-T1', 42, 0)).toBe(false);
  expect(inSample('CB202611-T1', 42, 100)).toBe(true);
});
