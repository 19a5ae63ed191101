import type { ResourceInput } from '../../../engine-api';
import { invalidArgument } from '../../../errors';
import { optionalString } from '../request-validation';

export interface DeployRequest {
  resources: ResourceInput[];
  tenantId?: string;
}

/** POST /v2/deployments: multipart/form-data with `resources` (one part per file) and an optional `tenantId`. */
export function toDeployRequest(files: unknown, fields: unknown): DeployRequest {
  const uploaded = Array.isArray(files) ? (files as Express.Multer.File[]) : [];
  if (uploaded.length === 0) {
    throw invalidArgument("No resources given: send at least one file in the multipart field 'resources'.");
  }
  const resources = uploaded.map((file) => ({
    name: file.originalname || file.fieldname,
    content: repairDoubleEncodedUtf8(file.buffer),
  }));
  const body = typeof fields === 'object' && fields !== null ? (fields as Record<string, unknown>) : {};
  const tenantId = optionalString(body, 'tenantId');
  return { resources, tenantId: tenantId === '' ? undefined : tenantId };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * @camunda8/sdk's deployResourcesFromFiles reads files as 'binary' (latin1) strings, which form-data then sends as
 * UTF-8: every non-ASCII byte arrives as two (a Chinese name turns into mojibake). A resource whose text has only characters up
 * to U+00FF, some of them non-ASCII, and whose latin1 bytes are themselves valid multi-byte UTF-8 is such a file,
 * and gets its original bytes back. Genuine text in that shape (mojibake on purpose) is not a realistic resource.
 */
export function repairDoubleEncodedUtf8(content: Buffer): Buffer {
  let text: string;
  try {
    text = strictUtf8.decode(content);
  } catch {
    return content;
  }
  // eslint-disable-next-line no-control-regex
  if (!/[\u0080-\u00ff]/.test(text) || /[^\u0000-\u00ff]/.test(text)) return content;
  const original = Buffer.from(text, 'latin1');
  try {
    strictUtf8.decode(original);
    return original;
  } catch {
    return content;
  }
}
