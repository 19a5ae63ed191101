import { parseDmn } from './dmn-parser';
import { fixtureXml, loadFixture } from './fixtures/load-fixture';
import { DmnValidationError } from './model/dmn-validation-error';

/** The problems of an invalid fixture as 'decision/element: message'. */
async function problemsOf(name: string): Promise<string[]> {
  try {
    await parseDmn(name, fixtureXml(name));
  } catch (error) {
    expect(error).toBeInstanceOf(DmnValidationError);
    const { dmnProblems, message } = error as DmnValidationError;
    expect(message.startsWith(`'${name}': `)).toBe(true);
    return dmnProblems.map((p) => `${[p.decisionId, p.elementId].filter(Boolean).join('/')}: ${p.message}`);
  }
  throw new Error(`expected ${name} to be rejected`);
}

describe('parseDmn', () => {
  it('reads the graph, a decision table and a literal expression requiring it', async () => {
    const drg = await loadFixture('high-reliability-fee.dmn');
    expect(drg.id).toBe('high-reliability-fee');
    expect(drg.name).toBe('高可靠性供电费 High-reliability supply fee');
    expect(drg.decisions.map((d) => d.id)).toEqual(['feePerKva', 'highReliabilityFee']);
    const [table, literal] = drg.decisions;
    expect(table.versionTag).toBe('2024-rates');
    expect(table.requiredDecisionIds).toEqual([]);
    expect(table.decisionTable?.hitPolicy).toBe('UNIQUE');
    expect(table.decisionTable?.inputs[0]).toEqual({
      id: 'Input_voltage',
      label: 'Voltage level (kV)',
      expression: 'voltageKv',
      typeRef: 'number',
    });
    expect(table.decisionTable?.outputs).toEqual([
      { id: 'Output_fee', label: 'Fee (yuan per kVA)', name: 'feePerKva', typeRef: 'number', outputValues: undefined },
    ]);
    expect(table.decisionTable?.rules[4]).toEqual({
      id: 'Rule_not_interconnected',
      inputEntries: ['-', '', '-', 'false'],
      outputEntries: ['0'],
    });
    expect(literal.requiredDecisionIds).toEqual(['feePerKva']);
    expect(literal.versionTag).toBeUndefined();
    expect(literal.literalExpression).toEqual({
      text: 'if feePerKva = null then null else feePerKva * capacityKva',
      variableName: 'highReliabilityFee',
      typeRef: 'number',
    });
  });

  it('reads hit policies, aggregations and output values lists', async () => {
    const drg = await loadFixture('hit-policies.dmn');
    const policies = drg.decisions.map((d) => [d.id, d.decisionTable?.hitPolicy, d.decisionTable?.aggregation]);
    expect(policies).toEqual([
      ['tariffStructure', 'UNIQUE', undefined],
      ['overlappingTariff', 'UNIQUE', undefined],
      ['powerFactorStandard', 'FIRST', undefined],
      ['serviceLevel', 'PRIORITY', undefined],
      ['meteringSide', 'ANY', undefined],
      ['requiredDocuments', 'COLLECT', undefined],
      ['worksTotal', 'COLLECT', 'SUM'],
      ['worksMin', 'COLLECT', 'MIN'],
      ['worksMax', 'COLLECT', 'MAX'],
      ['worksCount', 'COLLECT', 'COUNT'],
      ['applicationChecks', 'RULE ORDER', undefined],
      ['overdueAlerts', 'OUTPUT ORDER', undefined],
    ]);
    const serviceLevel = drg.decisions.find((d) => d.id === 'serviceLevel');
    expect(serviceLevel?.decisionTable?.outputs[0].outputValues).toEqual(['high', 'medium', 'low']);
  });

  it('names a decision without a variable by its id, and takes a DMN 1.1 namespace too', async () => {
    const xml = fixtureXml('no-decision.dmn')
      .replace('https://www.omg.org/spec/DMN/20191111/MODEL/', 'http://www.omg.org/spec/DMN/20151101/dmn.xsd')
      .replace(
        '<inputData',
        '<decision id="answer"><literalExpression><text>42</text></literalExpression></decision><inputData',
      );
    const drg = await parseDmn('old.dmn', xml);
    expect(drg.decisions[0]).toMatchObject({
      id: 'answer',
      name: 'answer',
      literalExpression: { variableName: 'answer' },
    });
  });

  it('rejects malformed XML and a file without decisions', async () => {
    expect(await problemsOf('malformed.dmn')).toEqual([
      ': the file is not valid DMN XML: unexpected end of file (line 1)',
    ]);
    expect(await problemsOf('no-decision.dmn')).toEqual([': the file contains no decision']);
    await expect(
      parseDmn('bpmn.dmn', '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"/>'),
    ).rejects.toThrow(
      "'bpmn.dmn': the file is not valid DMN XML: the root element must be <definitions> in the DMN 1.3 namespace",
    );
  });

  it('rejects decision logic other than decision tables and literal expressions', async () => {
    expect(await problemsOf('invalid-unsupported.dmn')).toEqual([
      "withContext: the decision logic 'context' is not supported yet (only decision tables and literal expressions are)",
      "withInvocation: the decision logic 'invocation' is not supported yet (only decision tables and literal expressions are)",
      "withRelation: the decision logic 'relation' is not supported yet (only decision tables and literal expressions are)",
      'withoutLogic: the decision has no decision logic (a decision table or a literal expression)',
    ]);
  });

  it('rejects FEEL and unary tests that do not parse, naming the rule', async () => {
    expect(await problemsOf('invalid-feel.dmn')).toEqual([
      "badTable/Input_bad: the input expression 'capacityKva >' is not valid FEEL: the expression ends too early (something is missing at the end)",
      "badTable/Rule_bad_entry: the input entry 1 of rule 1 '[1..' is not valid unary tests: the unary tests end too early (something is missing at the end)",
      "badTable/Rule_bad_output: the output entry 1 of rule 2 '\"unclosed' is not valid FEEL: unexpected '\"' at position 1",
      'badLiteral: the literal expression is not valid FEEL: the expression ends too early (something is missing at the end)',
    ]);
  });

  it('rejects a missing required decision and a cycle of requirements', async () => {
    expect(await problemsOf('invalid-requirements.dmn')).toEqual([
      "needsMissing: it requires the decision 'doesNotExist', which does not exist in this file",
      "cycleA: the required decisions form a cycle: 'cycleA' → 'cycleB' → 'cycleA'",
    ]);
  });

  it('rejects an unnamed output among several, an aggregation over several outputs, PRIORITY without values', async () => {
    expect(await problemsOf('invalid-table-shape.dmn')).toEqual([
      'priorityWithoutValues: the hit policy PRIORITY needs output values (a priority list) on at least one output',
      'unnamedOutput/Output_unnamed: the output has no name, which a decision table with several outputs needs',
      'sumOfTwo: the COLLECT SUM aggregation needs exactly one output, but the table has 2',
    ]);
  });

  it('puts the resource, the decision and the element in the error message', async () => {
    await expect(parseDmn('shapes.dmn', fixtureXml('invalid-table-shape.dmn'))).rejects.toThrow(
      "'shapes.dmn': decision 'priorityWithoutValues': the hit policy PRIORITY needs output values (a priority list) " +
        "on at least one output; decision 'unnamedOutput', element 'Output_unnamed': the output has no name",
    );
  });
});
