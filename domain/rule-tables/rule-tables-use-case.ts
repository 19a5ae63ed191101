/**
 * The time-limit and fee tables as the engine runs them now (its latest deployed version of each), with the file
 * each is changed in. A table not deployed is listed as such rather than left out.
 */
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { decisionDefinitionXml, latestDecisionDefinition } from '../../lib/camunda/engine-api';
import { readDecisionTable, type DecisionTableView } from './decision-table-reader';
import { RULE_TABLES, type RuleTableSource } from './rule-tables';

export type RuleTable = RuleTableSource & { version: number | null; table: DecisionTableView | null };

export async function listRuleTables(camunda: CamundaClients): Promise<{ items: RuleTable[] }> {
  const items = await Promise.all(
    RULE_TABLES.map(async (source): Promise<RuleTable> => {
      const deployed = await latestDecisionDefinition(camunda, source.decisionId);
      if (!deployed) return { ...source, version: null, table: null };
      const xml = await decisionDefinitionXml(camunda, deployed.decisionDefinitionKey);
      return { ...source, version: deployed.version, table: await readDecisionTable(xml, source.decisionId) };
    }),
  );
  return { items };
}
