import { useSyncExternalStore } from "react";

/**
 * A one-off message that survives a navigation, e.g. "Programme created" shown on the
 * page the person lands on. It belongs to one path and disappears when they leave it.
 */
export type Flash = { message: string; path: string };

let current: Flash | null = null;
const listeners = new Set<() => void>();

function emit() {
  for (const listener of listeners) listener();
}

export function setFlash(message: string, path: string): void {
  current = { message, path };
  emit();
}

export function clearFlash(): void {
  if (!current) return;
  current = null;
  emit();
}

export function useFlash(pathname: string): string | null {
  const flash = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
  return flash && flash.path === pathname ? flash.message : null;
}

/** Forget a flash once the person has moved to another page. */
export function dropFlashNotFor(pathname: string): void {
  if (current && current.path !== pathname) clearFlash();
}
