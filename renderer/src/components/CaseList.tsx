import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ApiError } from '../../../shared/api';
import type { CaseSummary } from '../../../shared/types';
import { call } from '../api';
import { useApiQuery } from '../useApiQuery';
import { useSlashFocus } from '../useSlashFocus';
import { StatusBadge } from './StatusBadge';
import { When } from './When';

interface CaseListProps {
  selectedId: string | null;
  revision: number;
  onSelect: (caseId: string) => void;
  onCreated: (created: CaseSummary) => void;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function CaseList({ selectedId, revision, onSelect, onCreated }: CaseListProps) {
  const [search, setSearch] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const ids = { search: useId(), create: useId(), createError: useId(), heading: useId() };
  useSlashFocus(searchRef);

  const query = search.trim();
  const cases = useApiQuery('listCases', query ? { search: query } : {}, revision, { keepPrevious: true });

  // Arrow keys move between cases, as in any list; Enter or Space opens one.
  const onListKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
    const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button.case-item') ?? [])];
    if (buttons.length === 0) return;
    event.preventDefault();
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? buttons.length - 1
          : Math.min(buttons.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)));
    buttons[next]?.focus();
  };

  const list = cases.value ?? [];
  return (
    <aside className="sidebar" aria-labelledby={ids.heading}>
      <div className="sidebar-head">
        <h2 id={ids.heading}>Cases</h2>
        {cases.value && !query && <span className="count">{list.length}</span>}
      </div>

      <CreateCaseForm inputId={ids.create} errorId={ids.createError} onCreated={onCreated} />

      <div className="search">
        <label htmlFor={ids.search} className="visually-hidden">
          Search cases
        </label>
        <SearchIcon />
        <input
          id={ids.search}
          ref={searchRef}
          type="search"
          placeholder="Search cases"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && search) {
              e.preventDefault();
              setSearch('');
            } else if (e.key === 'ArrowDown') {
              e.preventDefault();
              listRef.current?.querySelector<HTMLButtonElement>('button.case-item')?.focus();
            }
          }}
          aria-keyshortcuts="/"
          aria-controls={`${ids.heading}-list`}
          autoComplete="off"
          spellCheck={false}
        />
        {search ? (
          <button
            type="button"
            className="search-clear"
            aria-label="Clear search"
            title="Clear search (Esc)"
            onClick={() => {
              setSearch('');
              searchRef.current?.focus();
            }}
          >
            <ClearIcon />
          </button>
        ) : (
          <kbd aria-hidden="true" title="Press / to search">
            /
          </kbd>
        )}
      </div>

      {cases.error && (
        <p className="message message-error sidebar-message" role="alert">
          {cases.error.message}
        </p>
      )}

      <p className="visually-hidden" role="status">
        {cases.value && query ? `${plural(list.length, 'case matches', 'cases match')} “${query}”.` : ''}
      </p>

      {cases.value && list.length === 0 && (
        <div className="empty empty-sidebar">
          {query ? (
            <>
              <p className="empty-title">No cases match “{query}”.</p>
              <p className="muted">Search matches case names and ids. Press Esc to clear it.</p>
            </>
          ) : (
            <>
              <p className="empty-title">No cases yet — create one.</p>
              <p className="muted">A case holds everything about one person you are vetting.</p>
            </>
          )}
        </div>
      )}

      <ul
        id={`${ids.heading}-list`}
        ref={listRef}
        className="case-list"
        aria-label={query ? `Cases matching “${query}”` : 'All cases'}
        aria-busy={cases.loading || undefined}
        onKeyDown={onListKeyDown}
      >
        {list.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              className="case-item"
              aria-current={item.id === selectedId ? 'true' : undefined}
              onClick={() => onSelect(item.id)}
            >
              <span className="case-item-name">{item.name}</span>
              <span className="case-item-meta">
                <StatusBadge status={item.status} />
                <span>{plural(item.evidenceCount, 'file', 'files')}</span>
                <When iso={item.updatedAt} />
              </span>
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}

function CreateCaseForm({
  inputId,
  errorId,
  onCreated,
}: {
  inputId: string;
  errorId: string;
  onCreated: (created: CaseSummary) => void;
}) {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError({ code: 'BAD_INPUT', message: 'Type a name for the case first, e.g. the candidate’s name.' });
      return;
    }
    setBusy(true);
    const result = await call('createCase', { name: name.trim() });
    setBusy(false);
    if (result.ok) {
      setName('');
      setError(null);
      onCreated(result.value);
    } else {
      setError(result.error);
    }
  };

  return (
    <form className="create-case" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor={inputId}>New case</label>
      <div className="input-row">
        <input
          id={inputId}
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="Candidate’s name"
          maxLength={200}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
        <button type="submit" className="button button-primary" disabled={busy}>
          Create
        </button>
      </div>
      {error && (
        <p id={errorId} className="message message-error" role="alert">
          {error.message}
        </p>
      )}
    </form>
  );
}

function ClearIcon() {
  return (
    <svg width="12" height="12" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="m4 4 8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" />
    </svg>
  );
}

function SearchIcon() {
  return (
    <svg className="search-icon" width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <circle cx="7" cy="7" r="4.75" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="m10.5 10.5 3.5 3.5" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    </svg>
  );
}
