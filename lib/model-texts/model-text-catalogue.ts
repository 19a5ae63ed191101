/**
 * The English names of what the deployed models show users, kept beside the models (`bpmn/<area>/en-US.json`):
 * per process id, element id → name (the process's own id names the process); per form id, field key (or the
 * component's id when it has no key) → its texts. The models themselves stay Chinese-first (decision 0035).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';

export const MODELS_DIR = join(__dirname, '..', '..', 'bpmn');
export const CATALOGUE_FILE = 'en-US.json';

const formComponentTexts = z
  .object({
    label: z.string().optional(),
    description: z.string().optional(),
    text: z.string().optional(),
    dateLabel: z.string().optional(),
    timeLabel: z.string().optional(),
    /** option value → label */
    values: z.record(z.string()).optional(),
  })
  .strict();
export type FormComponentTexts = z.infer<typeof formComponentTexts>;

const catalogueFile = z
  .object({
    processes: z.record(z.record(z.string())).default({}),
    forms: z.record(z.record(formComponentTexts)).default({}),
  })
  .strict();
export type ModelTextCatalogue = z.infer<typeof catalogueFile>;

export function catalogueFiles(dir = MODELS_DIR): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name === CATALOGUE_FILE)
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Every area's catalogue in one; a process or form named in two files is an error, not a silent override. */
export function readCatalogue(dir = MODELS_DIR): ModelTextCatalogue {
  const merged: ModelTextCatalogue = { processes: {}, forms: {} };
  for (const file of catalogueFiles(dir)) {
    const parsed = catalogueFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`${relative(dir, file)}: ${parsed.error.message}`);
    for (const part of ['processes', 'forms'] as const)
      for (const [id, texts] of Object.entries(parsed.data[part])) {
        if (id in merged[part]) throw new Error(`${relative(dir, file)}: ${part} ${id} is also in another catalogue`);
        (merged[part] as Record<string, unknown>)[id] = texts;
      }
  }
  return merged;
}

let loaded: ModelTextCatalogue | undefined;

/** The catalogue of the models this application deploys, read once. */
export function englishCatalogue(): ModelTextCatalogue {
  loaded ??= readCatalogue();
  return loaded;
}
