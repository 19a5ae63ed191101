/** The deployment-time FEEL syntax check against expressions nested very deep (found by the fuzzer, bench/fuzz). */
import { checkFeelSyntax, MAX_FEEL_NESTING } from './feel-syntax';
import { feelVariableNames } from './feel-variable-names';

const nested = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

describe('checkFeelSyntax: brackets nested deep', () => {
  it('refuses 20,000 levels at once, naming the limit (the parser took 17 s, a deployment holding the engine)', () => {
    const started = Date.now();
    expect(checkFeelSyntax(nested(20_000))).toBe(
      `the expression nests brackets deeper than ${MAX_FEEL_NESTING} levels`,
    );
    expect(feelVariableNames(`x + ${nested(20_000)}`)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('takes the limit itself, and brackets inside a string are text', () => {
    expect(checkFeelSyntax(nested(MAX_FEEL_NESTING))).toBeUndefined();
    expect(checkFeelSyntax(`"${'('.repeat(1_000)}\\"" + x`)).toBeUndefined();
    expect(feelVariableNames(`[x, ${nested(10)}]`)).toEqual(['x']);
  });
});
