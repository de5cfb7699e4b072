import { useEffect, useState } from "react";

/**
 * A run takes from under a second to several on a big pool, and the server answers only
 * when it is done: say what is happening, and show the seconds so far (outside the live
 * region, so a screen reader hears the message once rather than every tick).
 */
export function RunProgress({ label }: { label: string }) {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const started = Date.now();
    const timer = window.setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <div className="run-progress">
      <div className="loading" role="status">
        <span className="loading__spinner" aria-hidden="true" />
        <span>{label}</span>
      </div>
      <p className="muted run-progress__time">{seconds > 0 ? `${seconds} s so far` : "Starting…"}</p>
    </div>
  );
}
