import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Where Grove is installed: the directory holding its package.json. Found by walking up from
 * this module, so it is the same whether the code runs from its sources (tests) or from the
 * bundle in dist/, where modules are merged into chunks and relative paths from a file mean
 * nothing. Everything here is read, never written: the install directory may be read-only.
 */
function findInstallRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, "utf8")) as { name?: string }).name === "grove") return dir;
    if (path.dirname(dir) === dir) throw new Error(`Grove's package.json was not found above ${from}`);
  }
}

export const installRoot = findInstallRoot(path.dirname(fileURLToPath(import.meta.url)));
/** The committed SQL migrations, applied at start. */
export const migrationsFolder = path.join(installRoot, "migrations");
/** The built web app (`npm run build` writes it). */
export const webDist = path.join(installRoot, "dist/web");
export const packageJsonPath = path.join(installRoot, "package.json");
/** A new, migrated PGlite cluster made by the build; a new data directory starts as a copy of it. */
export const pgliteClusterTemplate = path.join(installRoot, "dist/pglite-cluster.tar.gz");
