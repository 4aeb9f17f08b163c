import type { JobsOptions } from 'bullmq';

/**
 * Every queue and job of Muster. Queue names never change once shipped: jobs waiting in a
 * renamed queue would be stranded. Add a job by adding its name, its payload type, its queue
 * and exactly one `@OnJob` handler (the worker refuses to boot otherwise).
 */
export enum QueueName {
  /** Deadline reminders (of every domain, despite the name) and inspection scheduling. */
  Hazards = 'hazards',
  /** Call-out fan-out and escalation timers. */
  Callouts = 'callouts',
  /** One SMS or call each, rate-limited per sender number. */
  Deliveries = 'deliveries',
  /** Drill scenario clocks: injects due at their offsets. */
  Drills = 'drills',
}

export enum JobName {
  /** Repeatable: sends every reminder and overdue escalation the registered deadlines owe. */
  ReminderScan = 'reminder-scan',
  /** Repeatable: creates the inspection records that plans' schedules make due today. */
  InspectionScheduleScan = 'inspection-schedule-scan',
  /** Repeatable: moves outbox rows that are still waiting (e.g. Redis was down) into the queues. */
  OutboxRelay = 'outbox-relay',
  /** Pages the recipients of one tier (one round) of a call-out. */
  CalloutTierStart = 'callout-tier-start',
  /** A tier's acknowledgement timeout: repeat, next tier, or exhausted. */
  CalloutTierTimeout = 'callout-tier-timeout',
  /** The voice call that follows an unanswered SMS. */
  CalloutVoiceEscalation = 'callout-voice-escalation',
  /** One inject of a drill run, due when the scenario clock reaches its offset. */
  DrillInjectDue = 'drill-inject-due',
  /** Repeatable: releases injects of running drills whose job was lost (a safety net). */
  DrillClockSweep = 'drill-clock-sweep',
  SendSms = 'send-sms',
  /**
   * Several texts of one tier, one after another (a job costs Redis, the worker and the outbox
   * more than a text does); a text that must wait or be retried goes on in a `SendSms` of its own.
   */
  SendSmsBatch = 'send-sms-batch',
  PlaceCall = 'place-call',
  /** One text of a notification (a hazard reminder), sent out of app; shares the send rate. */
  SendNotificationSms = 'send-notification-sms',
  /** Pages whom the zone's duty policy names for a filed (or re-graded) incident. */
  DutyAlert = 'duty-alert',
  /** Repeatable: sensor reading partitions made ahead, those past retention dropped. */
  ReadingPartitions = 'reading-partitions',
}

export interface JobPayloads {
  [JobName.ReminderScan]: Record<string, never>;
  [JobName.InspectionScheduleScan]: Record<string, never>;
  [JobName.OutboxRelay]: Record<string, never>;
  [JobName.CalloutTierStart]: { calloutId: string; tier: number; round: number };
  [JobName.CalloutTierTimeout]: { calloutId: string; tier: number; round: number };
  /**
   * The calls after a tier's texts, to whoever of the tier has not answered by then: one job per
   * tier, so a tier of thousands leaves one timer, not one per person. `recipientId` is only on
   * jobs queued by earlier versions, one per person; they still call that person.
   */
  [JobName.CalloutVoiceEscalation]: { calloutId: string; tier: number; round: number; recipientId?: string };
  [JobName.DrillInjectDue]: { runId: string; runInjectId: string; epoch: number };
  [JobName.DrillClockSweep]: Record<string, never>;
  [JobName.SendSms]: { deliveryId: string };
  [JobName.SendSmsBatch]: { deliveryIds: string[] };
  [JobName.PlaceCall]: { deliveryId: string };
  [JobName.SendNotificationSms]: { smsId: string };
  /** `trigger`: `filed`, or `regraded.<severity>` for a grade a supplementary report raised. */
  [JobName.DutyAlert]: { incidentId: string; trigger: string };
  [JobName.ReadingPartitions]: Record<string, never>;
}

export const QUEUE_OF: Record<JobName, QueueName> = {
  [JobName.ReminderScan]: QueueName.Hazards,
  [JobName.InspectionScheduleScan]: QueueName.Hazards,
  [JobName.OutboxRelay]: QueueName.Callouts,
  [JobName.CalloutTierStart]: QueueName.Callouts,
  [JobName.CalloutTierTimeout]: QueueName.Callouts,
  [JobName.CalloutVoiceEscalation]: QueueName.Callouts,
  [JobName.DrillInjectDue]: QueueName.Drills,
  [JobName.DrillClockSweep]: QueueName.Drills,
  [JobName.SendSms]: QueueName.Deliveries,
  [JobName.SendSmsBatch]: QueueName.Deliveries,
  [JobName.PlaceCall]: QueueName.Deliveries,
  [JobName.SendNotificationSms]: QueueName.Deliveries,
  [JobName.DutyAlert]: QueueName.Callouts,
  [JobName.ReadingPartitions]: QueueName.Hazards,
};

/**
 * Deterministic ids: the same reminder enqueued twice (an overlapping scan, a retry) is one job.
 * BullMQ refuses ":" in custom ids, hence the dots.
 */
export const JOB_ID: { [N in JobName]?: (p: JobPayloads[N]) => string } = {
  [JobName.CalloutTierStart]: (p) => `tier-start.${p.calloutId}.${p.tier}.${p.round}`,
  [JobName.CalloutTierTimeout]: (p) => `tier-timeout.${p.calloutId}.${p.tier}.${p.round}`,
  [JobName.CalloutVoiceEscalation]: (p) =>
    p.recipientId
      ? `voice.${p.recipientId}.${p.tier}.${p.round}`
      : `voice-tier.${p.calloutId}.${p.tier}.${p.round}`,
  [JobName.DrillInjectDue]: (p) => `drill-inject.${p.runInjectId}.${p.epoch}`,
  [JobName.SendSms]: (p) => `sms.${p.deliveryId}`,
  // A delivery is in one batch only, made when it was: its first delivery names the batch.
  [JobName.SendSmsBatch]: (p) => `sms-batch.${p.deliveryIds[0]}`,
  [JobName.PlaceCall]: (p) => `call.${p.deliveryId}`,
  [JobName.SendNotificationSms]: (p) => `notification-sms.${p.smsId}`,
  [JobName.DutyAlert]: (p) => `duty.${p.incidentId}.${p.trigger}`,
};

/**
 * Sends retry quickly and often: a provider's 5xx or a network error is usually gone in seconds,
 * and a page that waits minutes for its retry has failed its purpose.
 */
export const JOB_OPTIONS: { [N in JobName]?: JobsOptions } = {
  [JobName.SendSms]: { attempts: 12, backoff: { type: 'exponential', delay: 250 } },
  [JobName.SendSmsBatch]: { attempts: 12, backoff: { type: 'exponential', delay: 250 } },
  [JobName.PlaceCall]: { attempts: 12, backoff: { type: 'exponential', delay: 250 } },
  [JobName.SendNotificationSms]: { attempts: 12, backoff: { type: 'exponential', delay: 250 } },
  [JobName.CalloutTierStart]: { attempts: 20, backoff: { type: 'exponential', delay: 500 } },
  [JobName.CalloutTierTimeout]: { attempts: 20, backoff: { type: 'exponential', delay: 500 } },
  [JobName.CalloutVoiceEscalation]: { attempts: 20, backoff: { type: 'exponential', delay: 500 } },
  [JobName.DrillInjectDue]: { attempts: 20, backoff: { type: 'exponential', delay: 250 } },
  [JobName.DutyAlert]: { attempts: 20, backoff: { type: 'exponential', delay: 250 } },
};

export interface JobSchedule<N extends JobName = JobName> {
  /** Stable id of the BullMQ job scheduler (upserted at every worker boot). */
  id: string;
  name: N;
  payload: JobPayloads[N];
  everyMs: number;
}

export const JOB_SCHEDULES: JobSchedule[] = [
  // Some deadlines count in minutes (the 1-hour report, its reminder at 30 minutes): one scan a
  // minute sends each within a minute of its time. See docs/architecture.md, "Reminders".
  { id: 'reminder-scan', name: JobName.ReminderScan, payload: {}, everyMs: 60_000 },
  // Occurrences start on zone-local dates: scanning every 15 minutes starts them within a quarter
  // of an hour of midnight in Asia/Shanghai.
  { id: 'inspection-schedule-scan', name: JobName.InspectionScheduleScan, payload: {}, everyMs: 15 * 60_000 },
  // A safety net only: the server relays its own outbox rows right after commit.
  { id: 'outbox-relay', name: JobName.OutboxRelay, payload: {}, everyMs: 2_000 },
  { id: 'drill-clock-sweep', name: JobName.DrillClockSweep, payload: {}, everyMs: 5_000 },
  { id: 'reading-partitions', name: JobName.ReadingPartitions, payload: {}, everyMs: 60 * 60_000 },
];
