/** The part of bpmnlint's API the lint runner uses (its package.json names no types for the entry point). */
declare module 'bpmnlint' {
  export type LintCategory = 'off' | 'warn' | 'error' | 'info' | 'rule-error';
  export interface LintConfig {
    extends?: string | string[];
    rules?: Record<string, LintCategory | [LintCategory, unknown]>;
  }
  /** A rule module exports a factory; the linter calls it with the rule's options. */
  export type RuleFactory = (options?: unknown) => unknown;
  export interface LintResolver {
    resolveRule(pkg: string, ruleName: string): Promise<RuleFactory> | RuleFactory;
    resolveConfig(pkg: string, configName: string): Promise<LintConfig> | LintConfig;
  }
  export interface LintReport {
    id?: string;
    message: string;
    category: LintCategory;
    /** camunda-compat's reports: the kind of problem (`type`, e.g. camunda.propertyRequired) and what it names. */
    data?: Record<string, unknown>;
  }
  export class Linter {
    constructor(options: { config: LintConfig; resolver: LintResolver });
    lint(definitions: unknown): Promise<Record<string, LintReport[]>>;
  }
}

declare module 'bpmnlint-plugin-camunda-compat' {
  import type { LintConfig } from 'bpmnlint';
  /** Rule name → module path relative to the package (e.g. './rules/camunda-cloud/timer'). */
  export const rules: Record<string, string>;
  export const configs: Record<string, LintConfig>;
}
