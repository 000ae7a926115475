import { useCallback, useRef, useState } from 'react';
import type { ImportOutcome } from '../../shared/types';
import { call } from './api';
import { formatBytes, mediaLabel, shortHash } from './format';

export type ImportItemState = 'queued' | 'reading' | 'importing' | 'imported' | 'duplicate' | 'rejected';

export interface ImportItem {
  id: number;
  name: string;
  sizeBytes: number;
  state: ImportItemState;
  /** What happened, in words: the engine's reason for a rejection, the stored type for an import. */
  detail: string;
}

export interface ImportQueue {
  items: ImportItem[];
  busy: boolean;
  add: (files: readonly File[]) => void;
  clearFinished: () => void;
}

const FINISHED: ReadonlySet<ImportItemState> = new Set(['imported', 'duplicate', 'rejected']);
export const isFinished = (item: ImportItem): boolean => FINISHED.has(item.state);

function describe(outcome: ImportOutcome): Pick<ImportItem, 'state' | 'detail'> {
  switch (outcome.status) {
    case 'imported':
      return {
        state: 'imported',
        detail: `${mediaLabel(outcome.evidence.mediaType)} · SHA-256 ${shortHash(outcome.evidence.sha256)}`,
      };
    case 'duplicate':
      return {
        state: 'duplicate',
        detail:
          outcome.evidence.originalName === outcome.name
            ? 'Already in this case; nothing new was stored.'
            : `Same bytes as “${outcome.evidence.originalName}”, already in this case; nothing new was stored.`,
      };
    case 'rejected':
      return { state: 'rejected', detail: outcome.reason };
  }
}

/**
 * Imports files into one case, one file per call and one call at a time, so each file
 * shows its own progress and a bad file never holds up the rest. Files over the vault's
 * limit are announced by size only: the engine refuses and logs them, and the renderer
 * never reads a huge file into memory.
 */
export function useImportQueue(caseId: string, maxImportBytes: number, onSettled: () => void): ImportQueue {
  const [items, setItems] = useState<ImportItem[]>([]);
  const [pending, setPending] = useState(0);
  const nextId = useRef(1);
  const chain = useRef<Promise<void>>(Promise.resolve());

  const patch = useCallback((id: number, change: Partial<ImportItem>) => {
    setItems((all) => all.map((item) => (item.id === id ? { ...item, ...change } : item)));
  }, []);

  const importOne = useCallback(
    async (id: number, file: File): Promise<void> => {
      let bytes: Uint8Array<ArrayBuffer> | undefined;
      if (file.size <= maxImportBytes) {
        patch(id, { state: 'reading', detail: `Reading ${formatBytes(file.size)}…` });
        try {
          bytes = new Uint8Array(await file.arrayBuffer());
        } catch (error) {
          patch(id, {
            state: 'rejected',
            detail: `${file.name}: could not be read here (${(error as Error).message || 'is it a folder?'}); nothing was imported.`,
          });
          return;
        }
      }
      patch(id, { state: 'importing', detail: 'Checking and storing…' });
      const result = await call('importFiles', {
        caseId,
        files: [bytes ? { name: file.name, sizeBytes: file.size, bytes } : { name: file.name, sizeBytes: file.size }],
      });
      if (!result.ok) {
        patch(id, { state: 'rejected', detail: result.error.message });
        return;
      }
      const outcome = result.value[0];
      patch(id, outcome ? describe(outcome) : { state: 'rejected', detail: 'The vault returned no outcome.' });
    },
    [caseId, maxImportBytes, patch],
  );

  const add = useCallback(
    (files: readonly File[]) => {
      if (files.length === 0) return;
      const queued = files.map((file) => ({
        file,
        item: {
          id: nextId.current++,
          name: file.name,
          sizeBytes: file.size,
          state: 'queued' as const,
          detail: 'Waiting…',
        },
      }));
      setItems((all) => [...all, ...queued.map((q) => q.item)]);
      setPending((n) => n + queued.length);
      for (const { file, item } of queued) {
        chain.current = chain.current.then(async () => {
          try {
            await importOne(item.id, file);
          } finally {
            setPending((n) => n - 1);
            onSettled();
          }
        });
      }
    },
    [importOne, onSettled],
  );

  const clearFinished = useCallback(() => setItems((all) => all.filter((item) => !isFinished(item))), []);

  return { items, busy: pending > 0, add, clearFinished };
}
