import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal dialog holding a small form (the native <dialog>: focus stays inside, Escape closes).
 * Focus starts on its first field and returns to what opened it.
 */
export function RetentionDialog({
  title,
  children,
  busy,
  onCancel,
}: {
  title: string;
  children: ReactNode;
  busy: boolean;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('input, textarea')?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 className="heading-m" id={titleId}>
        {title}
      </h2>
      {children}
    </dialog>
  );
}
