// Locates folders shipped beside the code (migrations/, resources/). The same compiled core runs
// from the source tree (tests, `serve`), from out/tsc (built), and from a packaged app where
// electron-builder copies them into process.resourcesPath; an env var overrides all of these.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type ResourceFolder = 'migrations' | 'resources';

export function resolveResourceDir(folder: ResourceFolder): string {
  const override = process.env[`COOP_${folder.toUpperCase()}_DIR`];
  if (override) return resolve(override);
  const packaged = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  if (packaged && existsSync(join(packaged, folder))) return join(packaged, folder);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, folder);
    if (existsSync(candidate) && existsSync(join(dir, 'package.json'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the '${folder}' folder shipped with Coop Console`);
    dir = parent;
  }
}
