import type { ReactNode } from "react";

type SubmitButtonProps = {
  pending: boolean;
  children: ReactNode;
  pendingLabel: ReactNode;
  variant?: "primary" | "secondary" | "danger";
};

/** Disabled while the request is in flight so a double press can't submit twice. */
export function SubmitButton({ pending, children, pendingLabel, variant = "primary" }: SubmitButtonProps) {
  return (
    <button type="submit" className={`button button--${variant}`} disabled={pending} aria-busy={pending || undefined}>
      {pending ? pendingLabel : children}
    </button>
  );
}
