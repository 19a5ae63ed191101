/**
 * The text of a PDF as a reader extracts it (pdf-parse, on Mozilla's pdf.js), in a node process of its own (see
 * pdf-text-cli.cjs): proof that the file opens, and what it says.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export function pdfText(content: Buffer): Promise<{ text: string; pages: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, 'pdf-text-cli.cjs')], { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(JSON.parse(output) as { text: string; pages: number });
      else reject(new Error(`the PDF could not be read (exit ${code}): ${errors.slice(-1500)}`));
    });
    child.stdin.end(content);
  });
}
