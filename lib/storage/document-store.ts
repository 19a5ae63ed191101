/**
 * Where uploaded documents' bytes live. The database keeps what a file is (case, kind, name, type, hash); the store
 * keeps its content under a key the application makes (never a name a client gave, so no path can be smuggled in).
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

export interface DocumentStore {
  put(key: string, content: Buffer): Promise<void>;
  read(key: string): Promise<Buffer>;
  /** Removes the content; a key already gone is no error. */
  remove(key: string): Promise<void>;
}

/** A folder on disk: written to a temporary name first, then renamed, so a crash leaves no half file under a key. */
export function folderStore(root: string): DocumentStore {
  const base = resolve(root);
  const pathOf = (key: string) => {
    const path = resolve(join(base, key));
    if (!path.startsWith(base + '/')) throw new Error(`document key outside the store: ${key}`);
    return path;
  };
  return {
    async put(key, content) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(`${path}.partial`, content, { mode: 0o640 });
      await rename(`${path}.partial`, path);
    },
    read: (key) => readFile(pathOf(key)),
    remove: (key) => rm(pathOf(key), { force: true }),
  };
}
