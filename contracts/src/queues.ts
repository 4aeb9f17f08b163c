/** The background-job queues as the zone admin inspects them (`/api/admin/queues`). */
export const QUEUE_JOB_STATES = ['failed', 'waiting', 'delayed', 'active', 'completed'] as const;
export type QueueJobState = (typeof QUEUE_JOB_STATES)[number];

export interface QueueSummaryView {
  name: string;
  paused: boolean;
  counts: Record<QueueJobState | 'prioritized' | 'waiting-children', number>;
}

export interface QueueJobView {
  id: string;
  name: string;
  queue: string;
  state: QueueJobState;
  data: unknown;
  attemptsMade: number;
  /** The attempts the job is allowed before it fails for good. */
  attempts: number;
  failedReason: string | null;
  /** The last attempt's stack, first lines only. */
  stacktrace: string | null;
  createdAt: string;
  processedAt: string | null;
  finishedAt: string | null;
  /** When a delayed job becomes due. */
  dueAt: string | null;
}
