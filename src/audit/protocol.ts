import type { AuditSummary } from '../archive/audit.ts';
import type { ArchiveErrorReason, ArchiveItem } from '../archive/types.ts';
import type { CheckConfig } from '../engine/config.ts';
import type { Finding, SignalName } from '../engine/types.ts';

// The messages between the audit page and its worker. The page sends the file (a File is
// passed by reference: the worker streams it, nothing is copied or stored) and the settings;
// the worker answers with progress and, at the end, the items with findings and the counts.

export type ToWorker = { type: 'audit'; file: Blob; config: CheckConfig };

export interface FlaggedItem extends ArchiveItem {
  signals: Record<SignalName, boolean>;
  findings: Finding[];
}

export type FromWorker =
  | { type: 'progress'; phase: 'reading' | 'checking'; done: number; total: number }
  | { type: 'done'; flagged: FlaggedItem[]; summary: AuditSummary; withoutText: number }
  | { type: 'failed'; reason: ArchiveErrorReason | 'internal'; detail: string };
