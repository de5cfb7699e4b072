/**
 * Waits until `condition` holds, checking every `everyMs`; fails naming `what` after
 * `timeoutMs`. For tests that must wait on something outside their control (another
 * connection reaching a lock, a process writing a file) instead of sleeping a fixed time.
 */
export async function pollUntil(
  what: string,
  condition: () => Promise<boolean> | boolean,
  timeoutMs = 20_000,
  everyMs = 20,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
