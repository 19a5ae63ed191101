/**
 * A task's deployed form rendered by form-js with the case's variables, validated in the browser; the server's
 * answer to a submission (400 naming fields) is put on the same fields. Read-only fields are left out of the
 * submission: they show the case, the task does not change them. form-js keeps its own Powered-by-bpmn.io
 * mark, which its licence requires.
 */
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { Form } from '@bpmn-io/form-js';
import '@bpmn-io/form-js/dist/assets/form-js.css';
import type { FieldError } from '../api/http';
import { useI18n } from '../i18n/I18nProvider';
import { formCheckMessage } from './form-check-messages';

export interface TaskFormHandle {
  /** The form's data, or undefined when the browser's validation found errors (then shown on the fields). */
  submit(): Record<string, unknown> | undefined;
  /** Shows errors from the server on the fields they name (by key); returns the ones no field shows. */
  showServerErrors(errors: FieldError[], text: (message: string) => string): FieldError[];
}

interface SchemaComponent {
  id?: string;
  key?: string;
  readonly?: boolean | string;
  components?: SchemaComponent[];
}

/** Fields the form shows read-only: form-js submits them, the server refuses them (decision 0027). */
function readOnlyKeys(components: SchemaComponent[] = [], found = new Set<string>()): Set<string> {
  for (const component of components) {
    if (component.key && component.readonly === true) found.add(component.key);
    readOnlyKeys(component.components, found);
  }
  return found;
}

function idsByKey(components: SchemaComponent[] = [], found = new Map<string, string>()): Map<string, string> {
  for (const component of components) {
    if (component.key && component.id) found.set(component.key, component.id);
    idsByKey(component.components, found);
  }
  return found;
}

export const TaskForm = forwardRef<TaskFormHandle, { schema: unknown; data: Record<string, unknown> }>(
  function TaskForm({ schema, data }, ref) {
    const container = useRef<HTMLDivElement>(null);
    const form = useRef<Form>(undefined);
    const { t } = useI18n();
    // The latest language, read by the validator below whenever form-js checks a field.
    const translate = useRef(t);
    translate.current = t;

    useEffect(() => {
      // No debounce: the data submitted is what the fields show at the moment of the click.
      const instance = new Form({ container: container.current!, debounce: false } as never);
      form.current = instance;
      // form-js's checks speak English only: its validator's messages go through the chosen language.
      const validator = instance.get('validator') as {
        validateFieldInstance(fieldInstance: unknown, value: unknown): string[];
      };
      const check = validator.validateFieldInstance.bind(validator);
      validator.validateFieldInstance = (fieldInstance, value) =>
        check(fieldInstance, value).map((message) => formCheckMessage(message, translate.current));
      void instance.importSchema(schema as never, data);
      return () => {
        form.current = undefined;
        instance.destroy();
      };
    }, [schema, data]);

    useImperativeHandle(ref, () => ({
      submit() {
        const result = form.current!.submit();
        if (Object.keys(result.errors).length) return undefined;
        const readOnly = readOnlyKeys((schema as { components?: SchemaComponent[] }).components);
        return Object.fromEntries(
          Object.entries(result.data as Record<string, unknown>).filter(([key]) => !readOnly.has(key)),
        );
      },
      showServerErrors(errors, text) {
        const ids = idsByKey((schema as { components?: SchemaComponent[] }).components);
        const onFields: Record<string, string[]> = {};
        const elsewhere: FieldError[] = [];
        for (const error of errors) {
          const id = ids.get(error.field);
          if (id) (onFields[id] ??= []).push(text(error.message));
          else elsewhere.push(error);
        }
        form.current!._setState({ errors: onFields });
        return elsewhere;
      },
    }));

    return <div ref={container} className="task-form" data-testid="task-form" />;
  },
);
