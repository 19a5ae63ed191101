/** The models under bpmn/ (BPMN, DMN, forms) that the platform deploys at start and analysts change. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export const MODELS_DIR = join(__dirname, '..', '..', 'bpmn');

export function modelFiles(dir = MODELS_DIR): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(bpmn|dmn|form)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
