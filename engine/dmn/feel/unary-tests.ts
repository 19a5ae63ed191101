/**
 * Unary tests (decision table input entries) with feelin: syntax check for deployment, evaluation against an
 * input value for rule matching. '-' and '' match anything. Evaluation never throws.
 *
 * A test that uses `?` is a boolean expression of the input value (DMN 1.3 §7.3.2, feel-scala ≥ 1.17): it
 * matches only when it gives true. feelin compares a non-boolean result with the input instead, so a null
 * result would match a null input; such tests are therefore evaluated here as expressions, one by one.
 */
import { evaluate, parseUnaryTests, unaryTest } from 'feelin';
import { FEEL_DIALECT, feelExtensionFunctions } from '../../feel/feel-extension-functions';

export type UnaryTestResult = { ok: true; matches: boolean } | { ok: false; message: string };

export function isMatchAnything(entry: string): boolean {
  const text = entry.trim();
  return text === '' || text === '-';
}

/** Undefined when the unary tests parse; else a message a modeler can act on. */
export function checkUnaryTestsSyntax(entry: string): string | undefined {
  if (isMatchAnything(entry)) return undefined;
  let problem: string | undefined;
  try {
    parseUnaryTests(entry, { ...feelExtensionFunctions }, FEEL_DIALECT).iterate({
      enter(node) {
        if (problem) return false;
        if (!node.type.isError) return undefined;
        problem = describeError(entry, node.from, node.to);
        return false;
      },
    });
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return problem;
}

/** Does `inputValue` satisfy the unary tests? A null result (values that cannot be compared) does not match. */
export function evaluateUnaryTests(
  entry: string,
  inputValue: unknown,
  variables: Record<string, unknown>,
): UnaryTestResult {
  if (isMatchAnything(entry)) return { ok: true, matches: true };
  const context = { ...variables, ...feelExtensionFunctions, '?': inputValue ?? null };
  try {
    const split = entry.includes('?') ? splitTests(entry) : undefined;
    if (!split) return { ok: true, matches: unaryTest(entry, context, FEEL_DIALECT).value === true };
    const matches = split.tests.some(({ text, usesInput }) =>
      usesInput
        ? evaluate(text, context, FEEL_DIALECT).value === true
        : unaryTest(text, context, FEEL_DIALECT).value === true,
    );
    return { ok: true, matches: split.negated ? !matches : matches };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

interface SplitTests {
  negated: boolean;
  tests: { text: string; usesInput: boolean }[];
}

/** `not("a", ? > 5)` → negated, ['"a"', '? > 5' (uses ?)]; undefined when no test uses `?`. */
function splitTests(entry: string): SplitTests | undefined {
  const tree = parseUnaryTests(entry, { ...feelExtensionFunctions }, FEEL_DIALECT);
  let negated = false;
  const tests: SplitTests['tests'] = [];
  for (let child = tree.topNode.firstChild; child; child = child.nextSibling) {
    if (child.name === 'not') negated = true;
    if (child.name !== 'PositiveUnaryTests') continue;
    for (let test = child.firstChild; test; test = test.nextSibling) {
      if (test.name !== 'PositiveUnaryTest') continue;
      let usesInput = false;
      tree.iterate({ from: test.from, to: test.to, enter: (node) => void (usesInput ||= node.name === '?') });
      tests.push({ text: entry.slice(test.from, test.to), usesInput });
    }
  }
  return tests.some((test) => test.usesInput) ? { negated, tests } : undefined;
}

function describeError(text: string, from: number, to: number): string {
  if (from !== to) return `unexpected '${text.slice(from, to)}' at position ${from + 1}`;
  const rest = text.slice(from).trimStart();
  if (rest === '') return 'the unary tests end too early (something is missing at the end)';
  const token = /^\S+/.exec(rest)?.[0] ?? rest;
  return `unexpected '${token}' at position ${text.length - rest.length + 1}`;
}
