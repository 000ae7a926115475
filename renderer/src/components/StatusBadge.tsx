import type { CaseStatus } from '../../../shared/types';
import { statusLabel } from '../format';

export function StatusBadge({ status }: { status: CaseStatus }) {
  return <span className={`badge badge-status-${status}`}>{statusLabel(status)}</span>;
}
