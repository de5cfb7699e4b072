import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { ApiTokenCreate } from "../../../contracts/auth";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { ErrorState } from "../../components/error-state";
import { ErrorSummary, type FieldTargets } from "../../components/error-summary";
import { LoadingState } from "../../components/loading-state";
import { SelectField } from "../../components/select-field";
import { SubmitButton } from "../../components/submit-button";
import { TextField } from "../../components/text-field";
import { announce } from "../../lib/announce";
import { formatDateTime } from "../../lib/dates";
import { useFormErrors } from "../../lib/form-errors";
import { type ApiToken, type ApiTokenCreated, createToken, revokeToken, tokensQuery } from "./account-api";
import { CreatedTokenPanel } from "./created-token-panel";

const expiryOptions = [
  { value: "30", label: "In 30 days" },
  { value: "90", label: "In 90 days" },
  { value: "365", label: "In a year" },
  { value: "", label: "Never" },
];

const fields: FieldTargets = {
  name: { label: "Token name", target: "token-name" },
  expiresInDays: { label: "Expires", target: "token-expiry" },
};

/** Personal tokens for the API and the CLI: create, see once, revoke. */
export function ApiTokensSection() {
  const queryClient = useQueryClient();
  const query = useQuery(tokensQuery);
  const { errors, clear, validate, showApiError } = useFormErrors();
  const [name, setName] = useState("");
  const [expiry, setExpiry] = useState("90");
  const [created, setCreated] = useState<ApiTokenCreated | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const nameRef = useRef<HTMLDivElement>(null);

  const create = useMutation({
    mutationFn: createToken,
    onSuccess: async (token) => {
      setName("");
      setCreated(token);
      await queryClient.invalidateQueries({ queryKey: tokensQuery.queryKey });
    },
    onError: showApiError,
  });

  const revoke = useMutation({
    mutationFn: (token: ApiToken) => revokeToken(token.id),
    onSuccess: async (_result, token) => {
      setRevoking(null);
      if (created?.id === token.id) setCreated(null);
      await queryClient.invalidateQueries({ queryKey: tokensQuery.queryKey });
      announce(`Token “${token.name}” revoked.`);
      // Its row (and the Revoke button that opened the dialog) is gone: land on the section.
      nameRef.current?.focus();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = validate(ApiTokenCreate, { name, expiresInDays: expiry ? Number(expiry) : undefined });
    if (!body) return;
    clear();
    create.mutate(body);
  };

  const tokens = query.data;

  return (
    <section aria-labelledby="tokens-title" className="card">
      <div tabIndex={-1} ref={nameRef} className="focus-target">
        <h2 id="tokens-title">API tokens</h2>
      </div>
      <p>
        Scripts and the <code>grove</code> command line use a token to act as you. Send it as <code>Authorization: Bearer …</code>. See the{" "}
        <a href="/api/docs">API reference</a>. A token cannot create other tokens or change your password, and resetting your password or
        signing out everywhere revokes every token.
      </p>

      {created ? (
        <CreatedTokenPanel
          token={created}
          onDone={() => {
            setCreated(null);
            nameRef.current?.focus();
          }}
        />
      ) : null}

      <h3>Your tokens</h3>
      {query.isPending ? <LoadingState label="Loading tokens…" /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {tokens && tokens.length === 0 ? <p className="empty">You have no tokens.</p> : null}
      {tokens && tokens.length > 0 ? (
        <ul className="token-list">
          {tokens.map((token) => (
            <li key={token.id} className="token">
              <div>
                <p className="token__name">{token.name}</p>
                <p className="muted token__meta">
                  Starts with <code>{token.prefix}</code> · created {formatDateTime(token.createdAt)} ·{" "}
                  {token.lastUsedAt ? `last used ${formatDateTime(token.lastUsedAt)}` : "never used"} ·{" "}
                  {token.expiresAt ? `expires ${formatDateTime(token.expiresAt)}` : "never expires"}
                </p>
              </div>
              <button
                type="button"
                className="button button--danger-outline button--small"
                onClick={() => {
                  revoke.reset();
                  setRevoking(token);
                }}
              >
                Revoke<span className="visually-hidden"> {token.name}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}

      <h3 id="new-token-title">Create a token</h3>
      <ErrorSummary errors={errors} fields={fields} formTitle="The token couldn't be created" />
      <form onSubmit={submit} noValidate className="form" aria-labelledby="new-token-title">
        <TextField
          id="token-name"
          label="Token name"
          value={name}
          onChange={setName}
          error={errors.fields.name}
          hint="Say where it will be used, e.g. “nightly report script”."
          autoComplete="off"
        />
        <SelectField
          id="token-expiry"
          label="Expires"
          value={expiry}
          options={expiryOptions}
          onChange={setExpiry}
          error={errors.fields.expiresInDays}
        />
        <SubmitButton pending={create.isPending} pendingLabel="Creating token…">
          Create token
        </SubmitButton>
      </form>

      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke “${revoking?.name ?? ""}”?`}
        confirmLabel="Revoke token"
        pendingLabel="Revoking…"
        variant="danger"
        pending={revoke.isPending}
        error={revoke.isError ? revoke.error.message : null}
        onConfirm={() => revoking && revoke.mutate(revoking)}
        onCancel={() => setRevoking(null)}
      >
        <p>Anything still using this token will stop working straight away. This can't be undone.</p>
      </ConfirmDialog>
    </section>
  );
}
