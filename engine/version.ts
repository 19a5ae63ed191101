/** The version the engine reports as its broker and gateway version: the Zeebe contract it follows. */
export const ENGINE_VERSION = '8.8.0';
