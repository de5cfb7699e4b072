#!/usr/bin/env node
// The `grove` command. Grove runs its TypeScript sources directly through tsx, so a
// clone needs no separate compile step.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
