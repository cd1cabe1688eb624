import { useState, type ReactNode } from 'react';
import { toApiError } from '../api/client';
import { Button } from './Form';
import { saveFile } from './download';

/**
 * A button that fetches or makes a file (a PDF, a CSV) and hands it to the browser to save. While
 * it works the button says so and cannot be pressed again; if it fails, why is announced above it.
 */
export function DownloadButton({
  busyText,
  getFile,
  children,
}: {
  busyText: string;
  getFile: () => Promise<{ blob: Blob; fileName: string }>;
  children: ReactNode;
}) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const download = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const { blob, fileName } = await getFile();
      saveFile(blob, fileName);
    } catch (error) {
      setProblem(toApiError(error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {problem !== null && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
      <Button
        variant="secondary"
        busy={busy}
        busyText={busyText}
        onClick={() => {
          void download();
        }}
      >
        {children}
      </Button>
    </>
  );
}
