import { TextField } from "../../components/text-field";
import type { FieldErrors } from "../../lib/form-errors";

export type AccountDraft = { name: string; email: string; password: string };

type AccountFieldsProps = {
  idPrefix: string;
  value: AccountDraft;
  onChange: (value: AccountDraft) => void;
  errors: FieldErrors;
  /** An invitation already knows the email address. */
  fixedEmail?: string;
};

/** Name, email and a password for a new Grove account, created together with the application. */
export function AccountFields({ idPrefix, value, onChange, errors, fixedEmail }: AccountFieldsProps) {
  const set = (key: keyof AccountDraft) => (text: string) => onChange({ ...value, [key]: text });
  return (
    <>
      <TextField
        id={`${idPrefix}-name`}
        label="Your name"
        value={value.name}
        onChange={set("name")}
        error={errors["account.name"]}
        autoComplete="name"
        hint="As you'd like coordinators and your future partner to see it."
      />
      {fixedEmail ? (
        <p>
          Your account will use <strong>{fixedEmail}</strong>, the address this invitation was sent to.
        </p>
      ) : (
        <TextField
          id={`${idPrefix}-email`}
          label="Email"
          type="email"
          value={value.email}
          onChange={set("email")}
          error={errors["account.email"]}
          autoComplete="email"
          spellCheck={false}
        />
      )}
      <TextField
        id={`${idPrefix}-password`}
        label="Choose a password"
        type="password"
        value={value.password}
        onChange={set("password")}
        error={errors["account.password"]}
        autoComplete="new-password"
        hint="At least 10 characters, not a common password and not your email or name. A few unrelated words make a strong one."
      />
    </>
  );
}

export const accountTargets = (idPrefix: string, withEmail: boolean) => ({
  "account.name": { label: "Your name", target: `${idPrefix}-name` },
  ...(withEmail ? { "account.email": { label: "Email", target: `${idPrefix}-email` } } : {}),
  "account.password": { label: "Choose a password", target: `${idPrefix}-password` },
});
