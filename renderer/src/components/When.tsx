import { formatExact, formatLogTime, formatWhen } from '../format';

/** A compact time with the exact moment on hover. `precise` adds seconds (for the log). */
export function When({ iso, precise = false }: { iso: string; precise?: boolean }) {
  return (
    <time dateTime={iso} title={formatExact(iso)}>
      {precise ? formatLogTime(iso) : formatWhen(iso)}
    </time>
  );
}
