/** A deployed form (form-js JSON) with its texts in English from the catalogue; keys, values and rules untouched. */
import type { FormComponentTexts, ModelTextCatalogue } from './model-text-catalogue';

/** The component properties form-js shows as text (besides each option's `label`). */
export const FORM_TEXT_PROPERTIES = ['label', 'description', 'text', 'dateLabel', 'timeLabel'] as const;

export interface FormComponent {
  id?: string;
  key?: string;
  values?: { value: unknown; label?: string }[];
  components?: FormComponent[];
  [property: string]: unknown;
}

/** How the catalogue names a component: by its field key, or by its id when it has none (text, groups). */
export const componentName = (component: FormComponent): string | undefined => component.key ?? component.id;

function englishComponent(component: FormComponent, texts: Record<string, FormComponentTexts>): FormComponent {
  const name = componentName(component);
  const english = name === undefined ? undefined : texts[name];
  const result: FormComponent = { ...component };
  for (const property of FORM_TEXT_PROPERTIES)
    if (typeof component[property] === 'string' && english?.[property] !== undefined)
      result[property] = english[property];
  if (component.values)
    result.values = component.values.map((option) => {
      const label = english?.values?.[String(option.value)];
      return label === undefined ? option : { ...option, label };
    });
  if (component.components) result.components = component.components.map((c) => englishComponent(c, texts));
  return result;
}

export function englishForm(schema: unknown, catalogue: ModelTextCatalogue): unknown {
  const form = schema as { id?: string; components?: FormComponent[] } | null;
  const texts = form?.id ? catalogue.forms[form.id] : undefined;
  if (!form?.components || !texts) return schema;
  return { ...form, components: form.components.map((component) => englishComponent(component, texts)) };
}
