import type { DecisionRequirementsGraph } from '../../dmn';
import type { Decision, DecisionRequirements } from '../../state/entities';
import type { ParsedResource } from '../commands';
import type { CommandContext } from '../command-context';

/** A DMN resource is a duplicate when it equals the latest version of its decision requirements. */
export function isDuplicateDecisions(
  ctx: CommandContext,
  resource: ParsedResource,
  drg: DecisionRequirementsGraph,
): boolean {
  const latest = ctx.state.decisions.latestRequirements(drg.id);
  return latest?.checksum === resource.checksum && latest.resourceName === resource.name;
}

/**
 * Deploys a DMN resource: its decision requirements graph and each decision get the next version of their ids
 * (unless the whole deployment is a duplicate). Answers the metadata in the gateway's field names.
 */
export function deployDecisions(
  ctx: CommandContext,
  resource: ParsedResource,
  drg: DecisionRequirementsGraph,
  deploymentKey: number,
  tenantId: string,
  allDuplicates: boolean,
): { decisionRequirements: Record<string, unknown>; decisions: Record<string, unknown>[] } {
  const latest = ctx.state.decisions.latestRequirements(drg.id);
  let requirements: DecisionRequirements;
  let decisions: Decision[];
  if (allDuplicates && latest) {
    requirements = latest;
    decisions = drg.decisions.map((d) => ctx.state.decisions.latest(d.id)!);
  } else {
    requirements = {
      key: ctx.state.keys.next(),
      decisionRequirementsId: drg.id,
      name: drg.name,
      version: (latest?.version ?? 0) + 1,
      resourceName: resource.name,
      checksum: resource.checksum,
      resource: resource.content,
      deploymentKey,
      tenantId,
    };
    const { resource: _xml, key, ...value } = requirements;
    ctx.writer.append('DECISION_REQUIREMENTS', 'CREATED', key, value, { requirements, graph: drg });
    decisions = drg.decisions.map((d) => {
      const decision: Decision = {
        key: ctx.state.keys.next(),
        decisionId: d.id,
        name: d.name,
        version: (ctx.state.decisions.latest(d.id)?.version ?? 0) + 1,
        versionTag: d.versionTag,
        decisionRequirementsKey: requirements.key,
        decisionRequirementsId: drg.id,
        tenantId,
      };
      const { key: decisionKey, ...decisionValue } = decision;
      ctx.writer.append('DECISION', 'CREATED', decisionKey, decisionValue);
      return decision;
    });
  }
  return {
    decisionRequirements: {
      dmnDecisionRequirementsId: requirements.decisionRequirementsId,
      dmnDecisionRequirementsName: requirements.name,
      version: requirements.version,
      decisionRequirementsKey: requirements.key,
      resourceName: requirements.resourceName,
      tenantId,
    },
    decisions: decisions.map((d) => ({
      dmnDecisionId: d.decisionId,
      dmnDecisionName: d.name,
      version: d.version,
      decisionKey: d.key,
      dmnDecisionRequirementsId: d.decisionRequirementsId,
      decisionRequirementsKey: d.decisionRequirementsKey,
      tenantId,
    })),
  };
}
