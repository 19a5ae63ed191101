import type { ParsedResource } from '../commands';
import type { CommandContext } from '../command-context';

export function isDuplicateForm(ctx: CommandContext, resource: ParsedResource, formId: string): boolean {
  const latest = ctx.state.forms.latest(formId);
  return latest?.checksum === resource.checksum && latest.resourceName === resource.name;
}

/** A form gets the next version of its id unless the whole deployment is a duplicate (as for processes). */
export function deployForm(
  ctx: CommandContext,
  resource: ParsedResource,
  formId: string,
  deploymentKey: number,
  tenantId: string,
  allDuplicates: boolean,
): Record<string, unknown> {
  const latest = ctx.state.forms.latest(formId);
  const form =
    allDuplicates && latest
      ? latest
      : {
          key: ctx.state.keys.next(),
          formId,
          ...(resource.form?.versionTag ? { versionTag: resource.form.versionTag } : {}),
          version: (latest?.version ?? 0) + 1,
          resourceName: resource.name,
          checksum: resource.checksum,
          schema: resource.content,
          deploymentKey,
          tenantId,
        };
  if (form !== latest) {
    const { key, ...value } = form;
    ctx.writer.append('FORM', 'CREATED', key, value);
  }
  return { formId, version: form.version, formKey: form.key, resourceName: form.resourceName, tenantId };
}
