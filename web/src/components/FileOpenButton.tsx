import { useState } from 'react';
import type { FileView } from '../contracts';
import { fileObjectUrl } from '../hazards/api';
import { ErrorNotice } from './ErrorNotice';

/**
 * A stored file by its name; files need the caller's token, so it opens through an object URL.
 * `className`: how it looks (a small button unless told).
 */
export function FileOpenButton({
  file,
  className = 'button button--small',
}: {
  file: Pick<FileView, 'url' | 'name'>;
  className?: string;
}) {
  const [error, setError] = useState<unknown>(null);
  return (
    <>
      <button
        type="button"
        className={className}
        onClick={() => {
          fileObjectUrl(file.url)
            .then((url) => window.open(url, '_blank', 'noopener'))
            .catch(setError);
        }}
      >
        {file.name}
      </button>
      {Boolean(error) && <ErrorNotice error={error} compact />}
    </>
  );
}
