/**
 * Camunda forms as form-js reads them: a schema with an id, known component types, unique keys, and a Chinese
 * label on every field (datetime fields show `dateLabel`/`timeLabel`, not `label`).
 */
import { z } from '../../lib/validation/zh-error-map';
import { CHINESE } from './model-names';
import type { FormFile } from './model-inventory';

const INPUT_TYPES = [
  'textfield',
  'textarea',
  'number',
  'select',
  'radio',
  'checkbox',
  'checklist',
  'taglist',
  'datetime',
  'filepicker',
];
const DISPLAY_TYPES = ['text', 'html', 'image', 'spacer', 'separator', 'group', 'dynamiclist', 'iframe', 'table'];

interface FormComponent {
  type: string;
  key?: string;
  label?: string;
  dateLabel?: string;
  timeLabel?: string;
  subtype?: string;
  values?: { label: string; value?: unknown }[];
  components?: FormComponent[];
}

const componentSchema: z.ZodType<FormComponent, z.ZodTypeDef, unknown> = z.lazy(() =>
  z
    .object({
      type: z.enum([...INPUT_TYPES, ...DISPLAY_TYPES] as [string, ...string[]]),
      key: z.string().min(1).optional(),
      label: z.string().optional(),
      dateLabel: z.string().optional(),
      timeLabel: z.string().optional(),
      subtype: z.enum(['date', 'time', 'datetime']).optional(),
      values: z.array(z.object({ label: z.string(), value: z.unknown() })).optional(),
      components: z.array(componentSchema).optional(),
    })
    .passthrough(),
);

const formSchema = z.object({
  id: z.string().min(1),
  type: z.literal('default'),
  schemaVersion: z.number().int().positive(),
  components: z.array(componentSchema),
});

type ParsedForm = { form: z.infer<typeof formSchema>; problems?: undefined } | { form?: undefined; problems: string[] };

function parseForm(file: FormFile): ParsedForm {
  let json: unknown;
  try {
    json = JSON.parse(file.text);
  } catch (error) {
    return { problems: [`${file.file}: not JSON: ${(error as Error).message}`] };
  }
  const parsed = formSchema.safeParse(json);
  if (parsed.success) return { form: parsed.data };
  return {
    problems: parsed.error.issues.map((issue) => `${file.file}: ${issue.path.join('.') || '-'}: ${issue.message}`),
  };
}

export function formIds(forms: FormFile[]): Set<string> {
  return new Set(forms.flatMap((file) => parseForm(file).form?.id ?? []));
}

/** The labels form-js displays for a field. */
function shownLabels(component: FormComponent): Record<string, string | undefined> {
  if (component.type !== 'datetime') return { label: component.label };
  const subtype = component.subtype ?? 'date';
  return {
    ...(subtype === 'time' ? {} : { dateLabel: component.dateLabel }),
    ...(subtype === 'date' ? {} : { timeLabel: component.timeLabel }),
  };
}

function componentProblems(file: string, components: FormComponent[], keys: Set<string>): string[] {
  return components.flatMap((component) => {
    const where = `${file}: ${component.key ?? component.type}`;
    const problems: string[] = [];
    if (INPUT_TYPES.includes(component.type)) {
      if (!component.key) problems.push(`${where}: field without key`);
      else if (keys.has(component.key)) problems.push(`${where}: duplicate key`);
      keys.add(component.key ?? '');
      for (const [property, label] of Object.entries(shownLabels(component)))
        if (!CHINESE.test(label ?? '')) problems.push(`${where}: ${property} '${label ?? ''}' is not Chinese`);
      for (const option of component.values ?? [])
        if (!CHINESE.test(option.label)) problems.push(`${where}: option label '${option.label}' is not Chinese`);
    }
    return [...problems, ...componentProblems(file, component.components ?? [], keys)];
  });
}

export function formProblems(forms: FormFile[]): string[] {
  const seenIds = new Map<string, string>();
  return forms.flatMap((form) => {
    const parsed = parseForm(form);
    if (!parsed.form) return parsed.problems;
    const { id, components } = parsed.form;
    const duplicateOf = seenIds.get(id);
    seenIds.set(id, form.file);
    return [
      ...(duplicateOf ? [`${form.file}: form id '${id}' is also used by ${duplicateOf}`] : []),
      ...componentProblems(form.file, components, new Set()),
    ];
  });
}
