import { type ReactNode, type RefObject, useEffect, useId, useRef } from "react";

type ConfirmDialogProps = {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  pending?: boolean;
  /** Why the last attempt failed; may be a list when several things went wrong. */
  error?: ReactNode;
  variant?: "primary" | "danger";
  /** Where focus starts when the dialog opens (e.g. a reason box); Cancel otherwise. */
  initialFocusRef?: RefObject<HTMLElement | null>;
  onConfirm: () => void;
  onCancel: () => void;
};

const focusableSelector = 'button:not([disabled]), [href], input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * A modal question built on <dialog>: the page behind becomes inert, Tab stays
 * inside, Escape cancels, and focus goes back to whatever opened it.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  pendingLabel,
  pending = false,
  error,
  variant = "primary",
  onConfirm,
  onCancel,
  initialFocusRef,
}: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const openerRef = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      openerRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      (initialFocusRef?.current ?? cancelRef.current)?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
      // The opener may have been replaced (e.g. Archive became Restore); only return
      // focus when it is still on the page, otherwise the caller moves focus itself.
      const opener = openerRef.current;
      if (opener?.isConnected) opener.focus();
    }
  }, [open, initialFocusRef]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        // Escape: let React state decide, so the dialog and the state never disagree.
        event.preventDefault();
        if (!pending) onCancel();
      }}
      onKeyDown={(event) => {
        if (event.key !== "Tab") return;
        const focusable = Array.from(ref.current?.querySelectorAll<HTMLElement>(focusableSelector) ?? []);
        if (focusable.length === 0) return;
        const first = focusable[0];
        const last = focusable[focusable.length - 1];
        if (event.shiftKey && document.activeElement === first) {
          event.preventDefault();
          last.focus();
        } else if (!event.shiftKey && document.activeElement === last) {
          event.preventDefault();
          first.focus();
        }
      }}
    >
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      <div id={bodyId} className="dialog__body">
        {children}
      </div>
      {error ? (
        <div className="field__error" role="alert">
          {error}
        </div>
      ) : null}
      <div className="dialog__actions">
        <button type="button" className="button button--secondary" ref={cancelRef} onClick={onCancel} disabled={pending}>
          Cancel
        </button>
        {/* aria-disabled rather than disabled keeps focus on the button while it works. */}
        <button
          type="button"
          className={`button button--${variant}`}
          onClick={() => {
            if (!pending) onConfirm();
          }}
          aria-disabled={pending || undefined}
        >
          {pending ? pendingLabel : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
