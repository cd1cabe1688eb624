import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A button that opens a form in place ("Ask for a place", "Record a session"). Its page says
 * whether it is open, so that one form is open at a time. Focus moves into the form when it opens
 * and back to the button when it closes; each opening starts a fresh form.
 */
export function FormOpener({
  buttonText,
  intro,
  open,
  onOpenChange,
  children,
}: {
  buttonText: string;
  intro?: ReactNode;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The form, given `close` for its Cancel and for after it was sent. */
  children: (close: () => void) => ReactNode;
}) {
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open) {
      document.getElementById(panelId)?.querySelector<HTMLElement>('input:not([disabled]), textarea, select')?.focus();
    } else if (wasOpen.current && document.activeElement === document.body) {
      button.current?.focus();
    }
    wasOpen.current = open;
  }, [open, panelId]);
  const close = () => {
    onOpenChange(false);
  };
  return (
    <>
      {!open && intro}
      {!open && (
        // Not rendered while open (the button class would outdo `hidden`); the form has its Cancel.
        <button
          ref={button}
          type="button"
          className="button button--secondary"
          aria-expanded={false}
          aria-controls={panelId}
          onClick={() => {
            onOpenChange(true);
          }}
        >
          {buttonText}
        </button>
      )}
      <div id={panelId} className="work__panel" hidden={!open}>
        {open && children(close)}
      </div>
    </>
  );
}
