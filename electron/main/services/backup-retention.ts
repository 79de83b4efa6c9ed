import type { BackupInfo, BackupReason } from '../../../shared/ipc/contract';

const DAY_MS = 86_400_000;

/**
 * Which backups Kredo keeps (grandfather-father-son, as backup tools do); the README states the same.
 * A backup is removed when no rule keeps it.
 */
export const BACKUP_RETENTION = {
  /** Every backup younger than this is kept… */
  recentDays: 14,
  /** …but at most this many of each kind, so an import every hour cannot fill the disk. */
  recentPerKind: 14,
  /** The first daily backup of each calendar month (UTC) is kept this long. */
  monthlyDays: 365,
  /**
   * The newest backup of these kinds is kept however old, until a newer one of the same kind replaces
   * ("supersedes") it; the replaced one then stays only as long as any recent backup. The newest
   * before-migration backup is the only copy in the old storage format, to go back to the old version of
   * Kredo; the newest before-restore backup undoes the last restore.
   */
  untilReplaced: ['before-migration', 'before-restore'] as readonly BackupReason[],
} as const;

/** The ids of the backups to keep, as of `now`. The newest backup of all is always kept. */
export function backupsToKeep(backups: readonly BackupInfo[], now: Date): Set<string> {
  const newestFirst = [...backups].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  const ageDays = (backup: BackupInfo) => (now.getTime() - Date.parse(backup.createdAt)) / DAY_MS;
  const keep = new Set<string>();
  if (newestFirst[0]) keep.add(newestFirst[0].id);

  const recentOfKind = new Map<BackupReason, number>();
  for (const backup of newestFirst) {
    if (ageDays(backup) >= BACKUP_RETENTION.recentDays) continue;
    const seen = recentOfKind.get(backup.reason) ?? 0;
    if (seen < BACKUP_RETENTION.recentPerKind) keep.add(backup.id);
    recentOfKind.set(backup.reason, seen + 1);
  }

  const firstOfMonth = new Map<string, BackupInfo>();
  // Newest first, so the last one seen in a month is its first.
  for (const backup of newestFirst) if (backup.reason === 'daily') firstOfMonth.set(new Date(backup.createdAt).toISOString().slice(0, 7), backup);
  for (const backup of firstOfMonth.values()) if (ageDays(backup) < BACKUP_RETENTION.monthlyDays) keep.add(backup.id);

  for (const reason of BACKUP_RETENTION.untilReplaced) {
    const newest = newestFirst.find((backup) => backup.reason === reason);
    if (newest) keep.add(newest.id);
  }
  return keep;
}
