/**
 * One gate for control characters: every string in a JSON body, the query (keys too) or a segment of the path with
 * U+0000–U+001F other than tab, line feed and carriage return, or U+007F, is a 400 naming its field path (a NUL in
 * a key of the path reached SQLite as it was and failed there, a 500). A path whose percent-encoding does not decode
 * (e.g. a lone surrogate's bytes) is a 400 too. No one can see or type such a
 * character, so a stored one would only break searches, exports and notices later, on whichever database.
 */
import type { RequestHandler } from 'express';
import { validationError } from '../../lib/errors/app-error';

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** The path of the first string (or key) under `value` holding a control character, or undefined. */
export function controlCharacterPath(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return CONTROL.test(value) ? path : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const innerPath = path ? `${path}.${key}` : key;
    if (CONTROL.test(key)) return innerPath;
    const found = controlCharacterPath(inner, innerPath);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The path's segments decoded, as the router hands them to routes as parameters. */
function pathSegments(path: string): string[] {
  return path.split('/').map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      throw validationError('路径的 URL 编码无效 / the path is not valid percent-encoding', [
        { field: '(path)', in: 'path', message: '无效的 URL 编码 / invalid percent-encoding' },
      ]);
    }
  });
}

export const rejectControlCharacters: RequestHandler = (request, _response, next) => {
  for (const [where, value] of [
    ['path', pathSegments(request.path)],
    ['query', request.query],
    ['body', request.body],
  ] as const) {
    const field = controlCharacterPath(value, '');
    if (field === undefined) continue;
    const named = where === 'path' || !field ? `(${where})` : field;
    throw validationError(
      `${named} 含有控制字符（如 NUL），请删除后重试 / ${named} contains a control character (e.g. NUL): remove it and retry`,
      [{ field: named, in: where, message: '含有控制字符 / contains a control character' }],
    );
  }
  next();
};
