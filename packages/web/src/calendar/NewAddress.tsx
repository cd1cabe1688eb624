/**
 * A feed's address, shown once after setting it up or renewing it: the address to copy, and how to
 * add it to Outlook or Google Calendar.
 */
import { useEffect, useRef, useState } from 'react';
import { Button, TextField } from '../components/Form';
import { fieldId } from '../components/formErrors';
import { WarningText } from '../components/Page';

const FIELD = 'calendar-address';

async function copied(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard access (an older browser, or permission refused): select it for the person to copy.
    const input = document.getElementById(fieldId(FIELD));
    if (input instanceof HTMLInputElement) {
      input.focus();
      input.select();
    }
    return false;
  }
}

export function NewAddress({ address, renewed }: { address: string; renewed: boolean }) {
  const [status, setStatus] = useState<'copied' | 'select' | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // Once shown (after a dialog has closed and given focus back), take the reader to the address.
  useEffect(() => {
    const timer = setTimeout(() => heading.current?.focus(), 0);
    return () => {
      clearTimeout(timer);
    };
  }, [address]);
  return (
    <div className="panel calendar-address">
      <h2 className="heading-m" ref={heading} tabIndex={-1}>
        {renewed ? 'Your new calendar address' : 'Your calendar address'}
      </h2>
      <TextField
        name={FIELD}
        label="Calendar address"
        hint="Copy it now: Tandem shows it only once."
        value={address}
        readOnly
        spellCheck={false}
        onValueChange={() => undefined}
        onFocus={(e) => {
          e.currentTarget.select();
        }}
      />
      <Button
        variant="secondary"
        onClick={() => {
          void copied(address).then((ok) => {
            setStatus(ok ? 'copied' : 'select');
          });
        }}
      >
        Copy address
      </Button>
      <p role="status" className="calendar-address__status">
        {status === 'copied' && 'Address copied.'}
        {status === 'select' && 'Your browser did not let Tandem copy it. The address is selected: copy it yourself.'}
      </p>
      {renewed && <p>The old address has stopped working. Replace it in your calendar with this one.</p>}
      <h3 className="heading-s">Add it to Outlook</h3>
      <ol className="list">
        <li>Open your calendar in Outlook.</li>
        <li>
          Choose <strong>Add calendar</strong>, then <strong>Subscribe from web</strong> (in some versions{' '}
          <strong>From internet</strong>).
        </li>
        <li>Paste the address, name the calendar &ldquo;Tandem&rdquo;, and save.</li>
      </ol>
      <h3 className="heading-s">Add it to Google Calendar</h3>
      <ol className="list">
        <li>Open Google Calendar on a computer.</li>
        <li>
          Next to <strong>Other calendars</strong>, choose <strong>+</strong>, then <strong>From URL</strong>.
        </li>
        <li>
          Paste the address and choose <strong>Add calendar</strong>.
        </li>
      </ol>
      <p>Calendars look for changes every few hours, so something new may take a while to appear.</p>
      <WarningText>
        Keep this address to yourself: anyone who has it can see the dates and initials in your calendar. If someone
        else may have it, renew the address.
      </WarningText>
    </div>
  );
}
