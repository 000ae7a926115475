import { useId, useState } from 'react';
import type { EvidenceFile } from '../../../shared/types';
import { formatBytes, mediaLabel, shortHash } from '../format';
import { When } from './When';

export function EvidenceTable({ evidence }: { evidence: EvidenceFile[] }) {
  const headingId = useId();
  const [copied, setCopied] = useState<string | null>(null);
  const [copyError, setCopyError] = useState<string | null>(null);
  const totalBytes = evidence.reduce((sum, file) => sum + file.sizeBytes, 0);

  const copy = async (file: EvidenceFile) => {
    try {
      await navigator.clipboard.writeText(file.sha256);
      setCopied(file.id);
      setCopyError(null);
      window.setTimeout(() => setCopied((current) => (current === file.id ? null : current)), 2000);
    } catch {
      setCopyError(`The hash of ${file.originalName} could not be copied; select it from the tooltip instead.`);
    }
  };

  return (
    <section className="panel" aria-labelledby={headingId}>
      <div className="panel-head">
        <h2 id={headingId}>Evidence</h2>
        {evidence.length > 0 && (
          <span className="panel-count">
            {evidence.length === 1 ? '1 file' : `${evidence.length} files`} · {formatBytes(totalBytes)}
          </span>
        )}
      </div>
      <p className="visually-hidden" role="status">
        {copied ? 'SHA-256 copied to the clipboard.' : ''}
      </p>
      {copyError && (
        <p className="message message-error" role="alert">
          {copyError}
        </p>
      )}
      {evidence.length === 0 ? (
        <div className="empty">
          <p className="empty-title">No evidence yet</p>
          <p className="muted">Drop files above or choose them to add them to this case.</p>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-labelledby={headingId} data-testid="evidence-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Type</th>
                <th scope="col" className="num">
                  Size
                </th>
                <th scope="col">SHA-256</th>
                <th scope="col">Imported</th>
              </tr>
            </thead>
            <tbody>
              {evidence.map((file) => (
                <tr key={file.id}>
                  <th scope="row" className="cell-name">
                    <span title={file.originalName}>{file.originalName}</span>
                  </th>
                  <td>{mediaLabel(file.mediaType)}</td>
                  <td className="num">
                    <span title={`${file.sizeBytes.toLocaleString()} bytes`}>{formatBytes(file.sizeBytes)}</span>
                  </td>
                  <td>
                    <span className="hash-cell">
                      <code className="hash" title={file.sha256} data-testid="sha256">
                        {shortHash(file.sha256)}
                      </code>
                      <button
                        type="button"
                        className="icon-button"
                        onClick={() => void copy(file)}
                        aria-label={`Copy the full SHA-256 of ${file.originalName}`}
                        title="Copy full SHA-256"
                      >
                        {copied === file.id ? <CheckIcon /> : <CopyIcon />}
                      </button>
                    </span>
                  </td>
                  <td>
                    <When iso={file.importedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function CopyIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="5" y="5" width="8.5" height="8.5" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
      <path d="M3 10.5V3.8A1.3 1.3 0 0 1 4.3 2.5H10.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
    </svg>
  );
}

function CheckIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="m3.5 8.5 3 3 6-7"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
