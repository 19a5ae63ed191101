/**
 * The modeler says every problem of the check in the chosen language: Camunda 8.8 compatibility problems by their
 * kind with the element type and property they name, bpmnlint's recommended rules by rule; none falls back to
 * "rule … not met" in Chinese. The problems come from the real check (domain/modeling/model-check.ts).
 */
import { checkModel, type ModelProblem } from '../../domain/modeling/model-check';
import { fill, type Locale } from '../../modeler-ui/src/i18n/format';
import { enUS } from '../../modeler-ui/src/i18n/en-US';
import { zhCN, type MessageKey } from '../../modeler-ui/src/i18n/zh-CN';
import { problemText } from '../../modeler-ui/src/modeling/problem-text';

const catalogs = { 'zh-CN': zhCN, 'en-US': enUS } as const;
const say = (problem: ModelProblem, locale: Locale) =>
  problemText(problem, (key: MessageKey, values) => fill(catalogs[locale][key], values), locale);

// A start, a service task without a job type, a complex gateway, a timer with broken FEEL, and a lone task.
const BROKEN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="d" targetNamespace="t"
  modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">
  <bpmn:process id="p" name="试验" isExecutable="true">
    <bpmn:startEvent id="start" name="开始"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:serviceTask id="no-type" name="无类型"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:serviceTask>
    <bpmn:complexGateway id="complex" name="复杂"><bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing></bpmn:complexGateway>
    <bpmn:intermediateCatchEvent id="timer" name="定时"><bpmn:incoming>f3</bpmn:incoming><bpmn:outgoing>f4</bpmn:outgoing>
      <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">=a +* b</bpmn:timeDuration></bpmn:timerEventDefinition>
    </bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="end" name="结束"><bpmn:incoming>f4</bpmn:incoming></bpmn:endEvent>
    <bpmn:task id="lonely" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="no-type" />
    <bpmn:sequenceFlow id="f2" sourceRef="no-type" targetRef="complex" />
    <bpmn:sequenceFlow id="f3" sourceRef="complex" targetRef="timer" />
    <bpmn:sequenceFlow id="f4" sourceRef="timer" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

let problems: ModelProblem[];
beforeAll(async () => {
  const { errors, warnings } = await checkModel('bpmn', BROKEN, new Set());
  problems = [...errors, ...warnings];
});

test('every problem has a Chinese sentence of its own', () => {
  expect(problems.length).toBeGreaterThan(5);
  const untranslated = problems.filter((problem) => say(problem, 'zh-CN').startsWith('未通过规则'));
  expect(untranslated).toEqual([]);
});

test('Camunda 8.8 problems name the element type and the property, in both languages', () => {
  const of = (elementId: string, rule: string) =>
    problems.find((problem) => problem.elementId === elementId && problem.rule === rule)!;
  const feel = of('timer', 'camunda-compat/feel');
  expect(say(feel, 'zh-CN')).toBe('bpmn:TimerEventDefinition 的 timeDuration 不是有效的 FEEL 表达式');
  expect(say(feel, 'en-US')).toBe('timeDuration of bpmn:TimerEventDefinition is not a valid FEEL expression');
  expect(say(of('no-type', 'camunda-compat/implementation'), 'zh-CN')).toBe(
    'bpmn:ServiceTask 缺少扩展元素 zeebe:TaskDefinition',
  );
  expect(say(of('complex', 'camunda-compat/element-type'), 'zh-CN')).toBe(
    'Camunda 8.8 不支持 bpmn:ComplexGateway 类型的元素',
  );
  expect(say(of('lonely', 'no-disconnected'), 'zh-CN')).toBe('元素没有连线');
});

test('a problem of a kind without a sentence is still named by its rule', () => {
  const odd: ModelProblem = { elementId: 'x', rule: 'camunda-compat/new-rule', category: 'error', message: 'Odd' };
  expect(say(odd, 'zh-CN')).toBe('未通过规则 camunda-compat/new-rule');
  expect(say(odd, 'en-US')).toBe('Odd');
});
