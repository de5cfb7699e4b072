// Types for scripts/build.js (plain JavaScript: it runs before anything is compiled).
export type Half = "server" | "web" | "cluster";
export const root: string;
export const halves: Record<Half, { output: string; sources?: string[]; fingerprint?: () => string; runtimeOnly?: boolean }>;
export function buildState(half: Half): "missing" | "stale" | "fresh";
export function ensureBuilt(options?: { only?: Half[]; ifStale?: boolean; log?: (message: string) => void }): Promise<Half[]>;
export function serverBuildOptions(outdir: string): Record<string, unknown>;
