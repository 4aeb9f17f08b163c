import type { ReminderKind } from '../hazards/zone-time.js';

/**
 * Every queue and job of Muster. Queue names never change once shipped: jobs waiting in a
 * renamed queue would be stranded. Add a job by adding its name, its payload type, its queue
 * and exactly one `@OnJob` handler (the worker refuses to boot otherwise).
 */
export enum QueueName {
  Hazards = 'hazards',
}

export enum JobName {
  /** Repeatable: finds hazards owed a deadline reminder or an overdue escalation. */
  HazardDeadlineScan = 'hazard-deadline-scan',
  /** One reminder for one hazard; deduplicated by its deterministic job id. */
  HazardReminder = 'hazard-reminder',
}

export interface JobPayloads {
  [JobName.HazardDeadlineScan]: Record<string, never>;
  [JobName.HazardReminder]: { hazardId: string; kind: ReminderKind; deadline: string };
}

export const QUEUE_OF: Record<JobName, QueueName> = {
  [JobName.HazardDeadlineScan]: QueueName.Hazards,
  [JobName.HazardReminder]: QueueName.Hazards,
};

/**
 * Deterministic ids: the same reminder enqueued twice (an overlapping scan, a retry) is one job.
 * BullMQ refuses ":" in custom ids, hence the dots.
 */
export const JOB_ID: { [N in JobName]?: (p: JobPayloads[N]) => string } = {
  [JobName.HazardReminder]: (p) => `hazard-reminder.${p.hazardId}.${p.kind}.${p.deadline}`,
};

export interface JobSchedule<N extends JobName = JobName> {
  /** Stable id of the BullMQ job scheduler (upserted at every worker boot). */
  id: string;
  name: N;
  payload: JobPayloads[N];
  everyMs: number;
}

/**
 * Reminders are decided by the zone-local date; scanning every 15 minutes sends them within a
 * quarter of an hour of midnight in Asia/Shanghai.
 */
export const JOB_SCHEDULES: JobSchedule[] = [
  { id: 'hazard-deadline-scan', name: JobName.HazardDeadlineScan, payload: {}, everyMs: 15 * 60_000 },
];
