import { useState } from 'react';
import type { FileView } from '../contracts';
import { fileObjectUrl } from '../hazards/api';
import { ErrorNotice } from './ErrorNotice';

/** A stored file by its name; files need the caller's token, so it opens through an object URL. */
export function FileOpenButton({ file }: { file: FileView }) {
  const [error, setError] = useState<unknown>(null);
  return (
    <>
      <button
        type="button"
        className="button button--small"
        onClick={() => {
          fileObjectUrl(file.url)
            .then((url) => window.open(url, '_blank', 'noopener'))
            .catch(setError);
        }}
      >
        {file.name}
      </button>
      {Boolean(error) && <ErrorNotice error={error} />}
    </>
  );
}
