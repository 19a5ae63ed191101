/**
 * `npm run layout -- bpmn/a.bpmn [...]`: (re)generates the diagram (BPMNDI) of hand-written BPMN files with
 * bpmn-auto-layout, so that the modeler and the monitor can draw them. The process semantics are untouched; run it
 * after changing a model's flow in a text editor (the browser modeler keeps its own layout).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { layoutProcess } from 'bpmn-auto-layout';

async function main(files: string[]): Promise<void> {
  if (files.length === 0) throw new Error('usage: npm run layout -- <file.bpmn> [...]');
  for (const file of files) {
    const withoutDiagram = readFileSync(file, 'utf8').replace(
      /<bpmndi:BPMNDiagram[\s\S]*<\/bpmndi:BPMNDiagram>\s*/g,
      '',
    );
    writeFileSync(file, await layoutProcess(withoutDiagram));
    process.stdout.write(`laid out ${file}\n`);
  }
}

main(process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
