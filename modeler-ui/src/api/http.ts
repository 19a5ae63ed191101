/**
 * Every call to the project's API goes through `api()`: the session's token added, JSON in and out, an error
 * answer turned into an ApiError with its code, bilingual message and field details, and a 401 reported to the
 * session (which then ends with "session expired").
 */
export interface FieldError {
  field: string;
  label?: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** The fields a 400 answer names (form and input validation), if any. */
  get fieldErrors(): FieldError[] {
    return Array.isArray(this.details)
      ? (this.details as FieldError[]).filter((d) => typeof d?.field === 'string')
      : [];
  }
}

let token: string | undefined;
let onUnauthorized: () => void = () => undefined;
let language = 'zh-CN';

/** The chosen language, sent with every call: the API names steps and forms of the models in it (decision 0035). */
export function setApiLanguage(locale: string): void {
  language = locale;
}

export function setApiSession(nextToken: string | undefined, unauthorized: () => void): void {
  token = nextToken;
  onUnauthorized = unauthorized;
}

/**
 * A signed-in request: a FormData body goes as multipart, a file (Blob) as it is, any other body as JSON. An error
 * answer becomes an ApiError (a 401 ends the session); a good one is returned as it is, for JSON, files and PDFs alike.
 */
export interface ApiOptions {
  method?: string;
  body?: unknown;
  /** Extra request headers, e.g. the Idempotency-Key of a new case. */
  headers?: Record<string, string>;
}

export async function apiFetch(path: string, options: ApiOptions = {}): Promise<Response> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': language,
    ...options.headers,
  };
  const multipart = options.body instanceof FormData;
  // A file (a Blob) goes as its bytes, with its own type: an import that streams it reads the body as it is.
  const file = options.body instanceof Blob ? options.body : undefined;
  if (file) headers['content-type'] = file.type || 'application/octet-stream';
  else if (options.body !== undefined && !multipart) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method: options.method ?? 'GET',
      headers,
      body:
        options.body === undefined
          ? undefined
          : multipart
            ? (options.body as FormData)
            : (file ?? JSON.stringify(options.body)),
    });
  } catch {
    throw new ApiError(
      0,
      'NETWORK',
      '无法连接服务器，请检查网络后重试 / the server cannot be reached: check the network and try again',
    );
  }
  if (response.ok) return response;
  const answer = (await response.json().catch(() => undefined)) as
    { code?: string; message?: string; details?: unknown } | undefined;
  if (response.status === 401 && token) onUnauthorized();
  throw new ApiError(
    response.status,
    answer?.code ?? `HTTP_${response.status}`,
    answer?.message ?? `服务器错误 ${response.status} / server error ${response.status}`,
    answer?.details,
  );
}

export async function api<T>(path: string, options: ApiOptions = {}): Promise<T> {
  const response = await apiFetch(path, options);
  return (await response.json().catch(() => undefined)) as T;
}
