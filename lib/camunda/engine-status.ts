/** The HTTP status of a failed engine REST call as @camunda8/sdk reports it (`statusCode`), if it has one. */
export function engineStatusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status > 0 ? status : undefined;
}
