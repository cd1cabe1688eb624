import type { ReactNode } from 'react';
import { Button } from './Form';
import { saveFile } from './download';
import { useAction } from './useAction';

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
  const action = useAction();
  const download = async () => {
    await action.run(async () => {
      const { blob, fileName } = await getFile();
      saveFile(blob, fileName);
    });
  };
  return (
    <>
      {action.problem !== null && (
        <p className="error-text" role="alert">
          {action.problem}
        </p>
      )}
      <Button
        variant="secondary"
        busy={action.busy}
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
