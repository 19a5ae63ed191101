import { checkFeelSyntax, evaluateFeel, evaluateValue } from './feel-evaluator';

const value = (expression: string, variables: Record<string, unknown> = {}) => {
  const result = evaluateFeel(expression, variables);
  if (!result.ok) throw new Error(result.message);
  return result.value;
};

describe('evaluateFeel', () => {
  it('does arithmetic and string operations', () => {
    expect(value('1 + 2 * 3')).toBe(7);
    expect(value('amount / 4', { amount: 10 })).toBe(2.5);
    expect(value('10 ** 2')).toBe(100);
    expect(value('"电费" + string(12)')).toBe('电费12');
    expect(value('upper case(name)', { name: 'abc' })).toBe('ABC');
    expect(value('string length("abc")')).toBe(3);
    expect(value('1 / 0')).toBeNull();
  });

  it('compares with null as FEEL does', () => {
    expect(value('x = null')).toBe(true);
    expect(value('x = null', { x: 1 })).toBe(false);
    expect(value('x > 5')).toBeNull();
    expect(value('x > 5', { x: 6 })).toBe(true);
    expect(value('x != null')).toBe(false);
  });

  it('indexes lists from 1 and from the end with negative indexes', () => {
    expect(value('items[1]', { items: ['a', 'b', 'c'] })).toBe('a');
    expect(value('items[-1]', { items: ['a', 'b', 'c'] })).toBe('c');
    expect(value('items[4]', { items: ['a', 'b', 'c'] })).toBeNull();
    expect(value('items[item > 1]', { items: [1, 2, 3] })).toEqual([2, 3]);
  });

  it('reads contexts and paths and builds plain objects', () => {
    expect(value('order.customer.name', { order: { customer: { name: '张三' } } })).toBe('张三');
    expect(value('order.missing.name', { order: {} })).toBeNull();
    expect(value('{a: 1, b: {c: [1, 2]}}')).toEqual({ a: 1, b: { c: [1, 2] } });
    expect(value('orders.amount', { orders: [{ amount: 1 }, { amount: 2 }] })).toEqual([1, 2]);
  });

  it('converts temporal values to ISO strings as Zeebe stores them', () => {
    expect(value('date("2024-02-29")')).toBe('2024-02-29');
    expect(value('date("2024-02-29") + duration("P1D")')).toBe('2024-03-01');
    expect(value('date and time("2024-01-01T10:00:00Z")')).toBe('2024-01-01T10:00Z');
    expect(value('date and time("2024-01-01T10:00:30+08:00")')).toBe('2024-01-01T10:00:30+08:00');
    expect(value('date and time("2024-07-01T10:00:00@Europe/Berlin")')).toBe('2024-07-01T10:00+02:00[Europe/Berlin]');
    expect(value('date and time("2024-07-01T10:00:01.5")')).toBe('2024-07-01T10:00:01.500');
    expect(value('time("08:30:00")')).toBe('08:30');
    expect(value('duration("P1DT2H")')).toBe('P1DT2H');
    expect(value('duration("P14M")')).toBe('P1Y2M');
    expect(value('{due: date("2024-01-31")}')).toEqual({ due: '2024-01-31' });
  });

  it('offers the Camunda extension functions models commonly use', () => {
    expect(value('is defined(x)')).toBe(false);
    expect(value('is defined(x)', { x: 0 })).toBe(true);
    expect(value('get or else(x, "default")')).toBe('default');
    expect(value('cycle(duration("P7D"))')).toBe('R/P7D');
    expect(value('cycle(3, duration("PT1H"))')).toBe('R3/PT1H');
    expect(value('is empty([])')).toBe(true);
  });

  it('checks the result type with Zeebe messages', () => {
    expect(evaluateFeel('x', {}, 'STRING')).toEqual({
      ok: false,
      message: "Expected result of the expression 'x' to be 'STRING', but was 'NULL'.",
    });
    expect(evaluateFeel('x', { x: 'a' }, 'STRING')).toEqual({ ok: true, value: 'a' });
    expect(evaluateFeel('1 < 2', {}, 'BOOLEAN')).toEqual({ ok: true, value: true });
    expect(evaluateFeel('x > 5', {}, 'BOOLEAN')).toEqual({
      ok: false,
      message: "Expected result of the expression 'x > 5' to be 'BOOLEAN', but was 'NULL'.",
    });
    expect(evaluateFeel('[1]', {}, 'ARRAY')).toEqual({ ok: true, value: [1] });
    expect(evaluateFeel('{}', {}, 'OBJECT')).toEqual({ ok: true, value: {} });
    expect(evaluateFeel('"a"', {}, 'NUMBER')).toEqual({
      ok: false,
      message: "Expected result of the expression '\"a\"' to be 'NUMBER', but was 'STRING'.",
    });
    expect(evaluateFeel('3', {}, 'STRING_OR_NUMBER')).toEqual({ ok: true, value: 3 });
    expect(evaluateFeel('"3"', {}, 'STRING_OR_NUMBER')).toEqual({ ok: true, value: '3' });
    expect(evaluateFeel('true', {}, 'STRING_OR_NUMBER')).toEqual({
      ok: false,
      message: "Expected result of the expression 'true' to be one of '[STRING, NUMBER]', but was 'BOOLEAN'.",
    });
    expect(evaluateFeel('x', { x: NaN }, 'NUMBER')).toMatchObject({ ok: false });
  });

  it('reports syntax errors and functions as failures instead of throwing', () => {
    expect(evaluateFeel('1 +', {})).toEqual({
      ok: false,
      message: "Failed to parse expression '1 +': the expression ends too early (something is missing at the end)",
    });
    expect(evaluateFeel('function(a) a', {})).toEqual({
      ok: false,
      message:
        "Failed to evaluate expression 'function(a) a': the result is a function, which cannot be stored as a variable",
    });
  });
});

describe('evaluateValue', () => {
  it('returns static values as strings and evaluates expressions', () => {
    expect(evaluateValue({ kind: 'static', value: 'check-customer' }, {}, 'STRING')).toEqual({
      ok: true,
      value: 'check-customer',
    });
    expect(evaluateValue({ kind: 'expression', expression: '"job-" + area' }, { area: 'x' }, 'STRING')).toEqual({
      ok: true,
      value: 'job-x',
    });
  });

  it('parses static numbers and rejects static text where a number is needed', () => {
    expect(evaluateValue({ kind: 'static', value: '3' }, {}, 'NUMBER')).toEqual({ ok: true, value: 3 });
    expect(evaluateValue({ kind: 'static', value: 'three' }, {}, 'NUMBER')).toMatchObject({ ok: false });
    expect(evaluateValue({ kind: 'static', value: '' }, {}, 'NUMBER')).toMatchObject({ ok: false });
  });
});

describe('checkFeelSyntax', () => {
  it('accepts valid expressions', () => {
    expect(checkFeelSyntax('a.b > 1 and c = "x"')).toBeUndefined();
    expect(checkFeelSyntax('get or else(x, 1)')).toBeUndefined();
    expect(checkFeelSyntax('for i in 1..3 return i * 2')).toBeUndefined();
  });

  it('explains what is wrong', () => {
    expect(checkFeelSyntax('')).toBe('the expression is empty');
    expect(checkFeelSyntax('1 +')).toBe('the expression ends too early (something is missing at the end)');
    expect(checkFeelSyntax('x > 1)')).toBe("unexpected ')' at position 6");
    expect(checkFeelSyntax('"abc')).toMatch(/^unexpected/);
  });
});
