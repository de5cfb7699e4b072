#!/usr/bin/env node
// The `grove` command: the compiled build in dist/server (`npm run build`, which `npm install`
// runs). Plain JavaScript — nothing is transpiled at run time.
import fs from "node:fs";

const entry = new URL("../dist/server/grove.js", import.meta.url);
if (!fs.existsSync(entry)) {
  console.error("grove: Grove is not built yet (dist/server is missing). Run `npm run build`, or `npm start`, which builds first.");
  process.exit(1);
}
await import(entry.href);
