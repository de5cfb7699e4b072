import { useEffect, useRef, useState } from "react";
import { announce } from "../../lib/announce";
import type { ApiTokenCreated } from "./account-api";

/**
 * The one and only time a token's secret is visible: only its hash is stored, so
 * say so plainly and make copying easy.
 */
export function CreatedTokenPanel({ token, onDone }: { token: ApiTokenCreated; onDone: () => void }) {
  const panelRef = useRef<HTMLElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    panelRef.current?.focus();
  }, []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopied(true);
      announce("Token copied to the clipboard.");
    } catch {
      // Clipboard access can be refused (e.g. plain http): select it for a manual copy.
      inputRef.current?.select();
      announce("Copying was blocked by the browser. The token is selected: press Control+C or Command+C to copy it.");
    }
  };

  return (
    <section className="notice notice--success token-panel" tabIndex={-1} ref={panelRef} aria-labelledby="token-panel-title">
      <h3 id="token-panel-title" className="notice__title">
        Your new token “{token.name}”
      </h3>
      <p id="token-panel-warning">
        <strong>Copy it now: it won't be shown again.</strong> Grove keeps only a fingerprint of it. If you lose it, revoke it and create a
        new one.
      </p>
      <div className="field">
        <label htmlFor="token-value">Token</label>
        <div className="search__row">
          <input
            id="token-value"
            ref={inputRef}
            className="token-panel__value"
            value={token.token}
            readOnly
            spellCheck={false}
            aria-describedby="token-panel-warning"
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" className="button button--primary" onClick={() => void copy()}>
            {copied ? "Copied" : "Copy"}
            <span className="visually-hidden"> token</span>
          </button>
        </div>
      </div>
      <button type="button" className="button button--secondary" onClick={onDone}>
        I've stored it safely
      </button>
    </section>
  );
}
