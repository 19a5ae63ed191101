import { DmnModdle } from 'dmn-moddle';
import { readFileSync } from 'fs';
test('x', async () => {
  const m = DmnModdle();
  const r = await m.fromXML(readFileSync(__dirname + '/fixtures/high-reliability-fee.dmn', 'utf8'));
  const d = r.rootElement.drgElement[0];
  console.log(r.warnings, Object.keys(r.rootElement), d.extensionElements.values[0], d.decisionLogic.input[1], d.decisionLogic.rule[4].inputEntry[1], d.decisionLogic.output[0]);
  const d2 = r.rootElement.drgElement[1];
  console.log(d2.informationRequirement, d2.variable, d2.decisionLogic);
  try { await m.fromXML('<definitions'); } catch (e) { console.log('ERR', (e as Error).message); }
  const r3 = await m.fromXML('<definitions xmlns="http://www.omg.org/spec/DMN/20151101/dmn.xsd" id="x"><decision id="a"/></definitions>'); console.log(r3.rootElement, r3.warnings);
});
