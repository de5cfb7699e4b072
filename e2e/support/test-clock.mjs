// Loaded into a `grove serve` started by a browser test (node --import), never in production:
// it lets the test move the server's clock forward, as Playwright moves the browsers' clocks,
// so a test can reach "after the session started" without waiting for it in real time.
// The test sends { groveTestClock: offsetMs } over the IPC channel; Date.now() and new Date()
// then run that far ahead. Timers and the database's now() keep the real time.
const RealDate = Date;
let offsetMs = 0;

function ShiftedDate(...args) {
  if (!new.target) return new RealDate(RealDate.now() + offsetMs).toString();
  return args.length === 0 ? new RealDate(RealDate.now() + offsetMs) : new RealDate(...args);
}
ShiftedDate.prototype = RealDate.prototype;
ShiftedDate.now = () => RealDate.now() + offsetMs;
ShiftedDate.parse = RealDate.parse;
ShiftedDate.UTC = RealDate.UTC;
globalThis.Date = ShiftedDate;

process.on("message", (message) => {
  if (typeof message?.groveTestClock !== "number") return;
  offsetMs = Math.max(offsetMs, message.groveTestClock); // forward only, like time
  process.send?.({ groveTestClockSet: offsetMs });
});
// The channel must not keep a stopping server alive.
process.channel?.unref();
