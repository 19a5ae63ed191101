import { READING_ANOMALY_RULES, findAnomalies, type AccountReadingFacts } from './anomaly-rules';

const rules = READING_ANOMALY_RULES.defaults[0].body;

const facts = (values: Partial<AccountReadingFacts> = {}): AccountReadingFacts => ({
  accountId: 7,
  current: { meterId: 70, value: 1200, source: 'import' },
  previousValue: 1000,
  metersNow: [70],
  metersBefore: [70],
  history: [200, 180, 220],
  ...values,
});

const rulesOf = (input: AccountReadingFacts, body = rules) => findAnomalies(input, body).map((found) => found.rule);

test('the default rules pass a month like the ones before', () => {
  expect(rulesOf(facts())).toEqual([]);
});

test('no reading for the period: missing, a task for the meter reader', () => {
  const [found] = findAnomalies(facts({ current: null }), rules);
  expect(found).toMatchObject({ rule: 'missing', role: 'meter-reader', meterId: null });
});

test('zero and negative use', () => {
  expect(rulesOf(facts({ current: { meterId: 70, value: 1000, source: 'import' } }))).toEqual(['zero-use']);
  const [negative] = findAnomalies(facts({ current: { meterId: 70, value: 990, source: 'import' } }), rules);
  expect(negative).toMatchObject({ rule: 'negative-use', detail: { use: -10 } });
});

test('a jump is use over the factor times the average of the months before, as the rule row says', () => {
  const average = (200 + 180 + 220) / 3;
  const justOver = 1000 + rules.jumpFactor * average + 1;
  const [jump] = findAnomalies(facts({ current: { meterId: 70, value: justOver, source: 'import' } }), rules);
  expect(jump).toMatchObject({ rule: 'jump', detail: { average, factor: rules.jumpFactor, months: 3 } });
  const atFactor = 1000 + rules.jumpFactor * average;
  expect(rulesOf(facts({ current: { meterId: 70, value: atFactor, source: 'import' } }))).toEqual([]);
  // A changed row (a new version) changes the answer: factor 2 flags what factor 3 passed.
  expect(
    rulesOf(facts({ current: { meterId: 70, value: atFactor, source: 'import' } }), { ...rules, jumpFactor: 2 }),
  ).toEqual(['jump']);
});

test('a small average is no ground for a jump; months unknown are left out of the average', () => {
  expect(rulesOf(facts({ history: [2, 3, 1], current: { meterId: 70, value: 1100, source: 'import' } }))).toEqual([]);
  const [jump] = findAnomalies(
    facts({ history: [100, undefined, undefined], current: { meterId: 70, value: 1400, source: 'import' } }),
    rules,
  );
  expect(jump.detail).toMatchObject({ average: 100, months: 1 });
});

test('a meter changed in the period goes to a billing clerk, without judging use across two meters', () => {
  expect(rulesOf(facts({ metersNow: [70, 71], current: { meterId: 71, value: 5, source: 'import' } }))).toEqual([
    'meter-changed',
  ]);
  expect(rulesOf(facts({ metersBefore: [69], metersNow: [70], previousValue: null }))).toEqual(['meter-changed']);
});

test('no reading of last month: a person confirms the whole register as use (a new meter) or corrects it', () => {
  const [found] = findAnomalies(facts({ previousValue: null, metersBefore: [] }), rules);
  expect(found).toMatchObject({
    rule: 'missing',
    role: 'meter-reader',
    detail: { previousMissing: true, current: 1200 },
  });
});

test('an estimated reading is flagged; a check turned off in the rules is not', () => {
  const estimated = facts({ current: { meterId: 70, value: 1200, source: 'estimated' } });
  expect(rulesOf(estimated)).toEqual(['estimated']);
  expect(rulesOf(estimated, { ...rules, checks: rules.checks.filter((check) => check !== 'estimated') })).toEqual([]);
});
