/**
 * A gateway that cannot listen because its port is taken says so in plain words, with the likely cause (another
 * instance running) and the variable that moves it; the gRPC library's own text ("No address added out of total 1
 * resolved") says neither.
 */
export function isPortInUse(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === 'EADDRINUSE' || (typeof message === 'string' && message.includes('EADDRINUSE'));
}

export function portInUseMessage(what: string, host: string, port: number, variable: string): string {
  return (
    `${what} port ${port} on ${host} is already in use: another instance may be running there. ` +
    `Stop it, or set ${variable} to another port (0 picks a free one).`
  );
}

/** Runs `listen`; a port-in-use failure becomes an Error with portInUseMessage. */
export async function listenOrExplain<T>(
  listen: () => Promise<T>,
  place: { what: string; host: string; port: number; variable: string },
): Promise<T> {
  try {
    return await listen();
  } catch (error) {
    if (isPortInUse(error)) throw new Error(portInUseMessage(place.what, place.host, place.port, place.variable));
    throw error;
  }
}
