import { useId, useRef, useState, type DragEvent } from 'react';
import { formatBytes } from '../format';
import { isFinished, useImportQueue, type ImportItem, type ImportItemState } from '../useImportQueue';

interface ImportPanelProps {
  caseId: string;
  maxImportBytes: number;
  onSettled: () => void;
}

const STATE_LABELS: Record<ImportItemState, string> = {
  queued: 'Queued',
  reading: 'Reading',
  importing: 'Importing',
  imported: 'Imported',
  duplicate: 'Duplicate',
  rejected: 'Rejected',
};

function summarize(items: ImportItem[], busy: boolean): string {
  if (items.length === 0) return '';
  const count = (state: ImportItemState) => items.filter((i) => i.state === state).length;
  if (busy) {
    const done = items.filter(isFinished).length;
    const current = items.find((i) => i.state === 'reading' || i.state === 'importing');
    return `Importing ${done + 1} of ${items.length}${current ? `: ${current.name}` : ''}…`;
  }
  const parts = [
    `${count('imported')} imported`,
    count('duplicate') ? `${count('duplicate')} duplicate` : null,
    count('rejected') ? `${count('rejected')} rejected` : null,
  ].filter(Boolean);
  return `${items.length === 1 ? '1 file' : `${items.length} files`}: ${parts.join(', ')}.`;
}

export function ImportPanel({ caseId, maxImportBytes, onSettled }: ImportPanelProps) {
  const queue = useImportQueue(caseId, maxImportBytes, onSettled);
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const headingId = useId();
  const hintId = useId();

  const accepts = (event: DragEvent) => event.dataTransfer.types.includes('Files');

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    if (!accepts(event)) return;
    event.preventDefault();
    setDragging(false);
    queue.add([...event.dataTransfer.files]);
  };

  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    if (!accepts(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    if (!dragging) setDragging(true);
  };

  const onDragLeave = (event: DragEvent<HTMLDivElement>) => {
    // Leaving for one of the zone's own children is not leaving the zone.
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
  };

  const summary = summarize(queue.items, queue.busy);
  const hasFinished = queue.items.some(isFinished);

  return (
    <section className="panel" aria-labelledby={headingId}>
      <div className="panel-head">
        <h2 id={headingId}>Import evidence</h2>
      </div>
      <div
        className={dragging ? 'dropzone dropzone-active' : 'dropzone'}
        onDragEnter={onDragOver}
        onDragOver={onDragOver}
        onDragLeave={onDragLeave}
        onDrop={onDrop}
        data-testid="dropzone"
      >
        <UploadIcon />
        <p className="dropzone-title">Drop identity documents, CVs and other files here</p>
        <p id={hintId} className="dropzone-hint">
          JPEG, PNG, WebP, TIFF, PDF, DOCX or plain text, up to {formatBytes(maxImportBytes)} each. The type is read
          from the file’s contents, not its name.
        </p>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => inputRef.current?.click()}
          aria-describedby={hintId}
        >
          Choose files…
        </button>
        <input
          ref={inputRef}
          type="file"
          multiple
          hidden
          tabIndex={-1}
          aria-label="Files to import"
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            // Cleared so choosing the same file again (a duplicate) still fires a change.
            event.target.value = '';
            queue.add(files);
          }}
        />
      </div>

      <div className="import-status">
        <p role="status" className="import-summary">
          {summary}
        </p>
        {hasFinished && !queue.busy && (
          <button type="button" className="link-button" onClick={queue.clearFinished}>
            Clear list
          </button>
        )}
      </div>

      {queue.items.length > 0 && (
        <ul className="import-list" aria-label="Import progress">
          {queue.items.map((item) => (
            <li key={item.id} className={`import-item import-${item.state}`} data-state={item.state}>
              <span className="import-name" title={item.name}>
                {item.name}
              </span>
              <span className="import-size">{formatBytes(item.sizeBytes)}</span>
              <span className={`badge badge-import-${item.state}`}>{STATE_LABELS[item.state]}</span>
              <span className="import-detail">{item.detail}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function UploadIcon() {
  return (
    <svg className="dropzone-icon" width="28" height="28" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d="M12 15V4m0 0-4 4m4-4 4 4M5 14v4a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-4"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
