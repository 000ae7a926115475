import { useId, useState } from 'react';
import type { ApiError } from '../../../shared/api';
import type { LogVerification } from '../../../shared/types';
import { call } from '../api';
import { eventLabel, formatWhen, shortHash, summarizeEvent } from '../format';
import { useApiQuery } from '../useApiQuery';
import { When } from './When';

const LIMIT = 500;

interface LogPanelProps {
  /** The case whose events to show by default; null shows the whole vault only. */
  caseId: string | null;
  caseName: string | null;
  revision: number;
}

interface Verified {
  revision: number;
  at: string;
  result: LogVerification | null;
  error: ApiError | null;
}

export function LogPanel({ caseId, caseName, revision }: LogPanelProps) {
  const ids = { heading: useId(), scope: useId() };
  const [wholeVault, setWholeVault] = useState(caseId === null);
  const scopedCaseId = wholeVault ? null : caseId;
  const log = useApiQuery(
    'listLog',
    scopedCaseId ? { caseId: scopedCaseId, limit: LIMIT } : { limit: LIMIT },
    revision,
    {
      keepPrevious: true,
    },
  );
  const [verified, setVerified] = useState<Verified | null>(null);
  const [verifying, setVerifying] = useState(false);

  const verify = async () => {
    setVerifying(true);
    const result = await call('verifyLog', {});
    setVerifying(false);
    setVerified({
      revision,
      at: new Date().toISOString(),
      result: result.ok ? result.value : null,
      error: result.ok ? null : result.error,
    });
  };

  // A verification describes the log as it was; once new events arrive it is out of date.
  const current = verified && verified.revision === revision ? verified : null;
  const events = log.value ?? [];

  return (
    <section className="panel" aria-labelledby={ids.heading}>
      <div className="panel-head">
        <h2 id={ids.heading}>Vetting log</h2>
        <div className="panel-tools">
          {caseId !== null && (
            <fieldset className="segmented">
              <legend className="visually-hidden">Show events for</legend>
              <label className={wholeVault ? undefined : 'checked'}>
                <input type="radio" name={ids.scope} checked={!wholeVault} onChange={() => setWholeVault(false)} />
                This case
              </label>
              <label className={wholeVault ? 'checked' : undefined}>
                <input type="radio" name={ids.scope} checked={wholeVault} onChange={() => setWholeVault(true)} />
                Whole vault
              </label>
            </fieldset>
          )}
          <button type="button" className="button button-secondary" onClick={() => void verify()} disabled={verifying}>
            <ShieldIcon />
            {verifying ? 'Verifying…' : 'Verify log'}
          </button>
        </div>
      </div>

      <VerificationResult verified={current} />

      <p className="panel-note">
        {wholeVault || caseId === null
          ? 'Every event in this vault, newest first.'
          : `Events for ${caseName ? `“${caseName}”` : 'this case'}, newest first.`}{' '}
        Each event carries the hash of the one before it, so any later change breaks the chain; Verify recomputes it for
        the whole vault.
      </p>

      {log.error && (
        <p className="message message-error" role="alert">
          {log.error.message}
        </p>
      )}

      {log.value && events.length === 0 ? (
        <div className="empty">
          <p className="empty-title">No events yet</p>
        </div>
      ) : (
        <div className="table-wrap table-scroll" tabIndex={0} role="region" aria-label="Log events">
          <table className="table table-log" data-testid="log-table" aria-labelledby={ids.heading}>
            <thead>
              <tr>
                <th scope="col" className="num">
                  #
                </th>
                <th scope="col">Time</th>
                <th scope="col">Actor</th>
                <th scope="col">Event</th>
                <th scope="col">Details</th>
                <th scope="col">Hash</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => {
                const summary = summarizeEvent(event);
                return (
                  <tr key={event.sequence} className={`log-${event.type.replace('.', '-')}`}>
                    <td className="num seq">{event.sequence}</td>
                    <td className="nowrap num-left">
                      <When iso={event.at} precise />
                    </td>
                    <td className="nowrap">{event.actor}</td>
                    <td className="nowrap">
                      <span className={`event-type event-${event.type.split('.')[1] ?? 'other'}`}>
                        {eventLabel(event.type)}
                      </span>
                    </td>
                    <td className="log-summary">
                      <span title={JSON.stringify(event.payload, null, 2)}>{summary || '—'}</span>
                    </td>
                    <td>
                      <code className="hash" title={`hash ${event.hash}\nprevious ${event.prevHash}`}>
                        {shortHash(event.hash)}
                      </code>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {events.length >= LIMIT && <p className="panel-note">Showing the latest {LIMIT} events.</p>}
    </section>
  );
}

function VerificationResult({ verified }: { verified: Verified | null }) {
  const result = verified?.result ?? null;
  const when = verified ? `Checked ${formatWhen(verified.at).replace(/^Today, /, 'at ')}.` : '';
  const broken = result && !result.ok ? result : null;
  return (
    <>
      {/* Always present, so the outcome is announced when it appears. */}
      <div role="status" className="verify-status">
        {result?.ok && (
          <div className="message message-success verify-result" data-testid="verify-result">
            <CheckCircleIcon />
            <div>
              <strong>
                Log intact: {result.eventCount} {result.eventCount === 1 ? 'event' : 'events'}, head hash{' '}
                <code title={result.headHash}>{shortHash(result.headHash, 16)}…</code>
              </strong>
              <span className="verify-when">Every event matches its hash and follows the one before it. {when}</span>
            </div>
          </div>
        )}
      </div>
      {verified?.error && (
        <div className="message message-error verify-result" role="alert" data-testid="verify-result">
          <div>
            <strong>The log could not be verified.</strong> {verified.error.message}
          </div>
        </div>
      )}
      {broken && (
        <div className="message message-error verify-result" role="alert" data-testid="verify-result">
          <AlertIcon />
          <div>
            <strong>
              Log broken at event #{broken.firstBroken?.sequence ?? broken.headSequence + 1}:{' '}
              {broken.firstBroken?.detail ?? 'the chain does not verify'}
            </strong>
            <span className="verify-when">
              The {broken.eventCount} {broken.eventCount === 1 ? 'event' : 'events'} before it verify (head hash{' '}
              <code title={broken.headHash}>{shortHash(broken.headHash, 16)}…</code>). Leave the vault untouched and
              compare it with a backup. {when}
            </span>
          </div>
        </div>
      )}
    </>
  );
}

function CheckCircleIcon() {
  return (
    <svg className="message-icon" width="18" height="18" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path
        d="m6.5 10.2 2.3 2.3 4.7-4.9"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.7"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

function AlertIcon() {
  return (
    <svg className="message-icon" width="18" height="18" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path d="M10 2.5 18 17H2L10 2.5Z" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
      <path d="M10 8v4" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" />
      <circle cx="10" cy="14.3" r="1" fill="currentColor" />
    </svg>
  );
}

function ShieldIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="M8 1.8 3 3.8v3.9c0 3 2.1 5.6 5 6.5 2.9-.9 5-3.5 5-6.5V3.8L8 1.8Z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
        strokeLinejoin="round"
      />
      <path
        d="m5.8 8 1.6 1.6 2.9-3"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
