import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button, ButtonGroup } from './Form';

/**
 * Asks before something that cannot be undone. Uses the native modal <dialog>, which keeps focus
 * inside and closes on Escape; focus starts on the safe choice and returns to what opened it.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmText,
  cancelText = 'Cancel',
  busy = false,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmText: string;
  cancelText?: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const returnFocusTo = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    if (open && !dialog.open) {
      returnFocusTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      cancelRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    const onClose = () => {
      const target = returnFocusTo.current;
      returnFocusTo.current = null;
      if (target !== null && target.isConnected) target.focus();
    };
    dialog.addEventListener('close', onClose);
    return () => {
      dialog.removeEventListener('close', onClose);
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 className="heading-m" id={titleId}>
        {title}
      </h2>
      <div id={bodyId} className="dialog__body">
        {children}
      </div>
      <ButtonGroup>
        <Button variant="warning" busy={busy} busyText="Please wait" onClick={onConfirm}>
          {confirmText}
        </Button>
        <Button variant="secondary" ref={cancelRef} disabled={busy} onClick={onCancel}>
          {cancelText}
        </Button>
      </ButtonGroup>
    </dialog>
  );
}
