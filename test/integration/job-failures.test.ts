import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { JobQueue } from '../../server/src/jobs/job-queue.service.js';
import { JobName, QueueName } from '../../server/src/jobs/job.types.js';
import { type CalloutStack, startCalloutStack, waitFor } from '../support/callouts.js';

/** The worker's verdict on a failing job, through BullMQ and the real handlers. */
describe('a job that fails', () => {
  let s: CalloutStack;
  beforeAll(async () => {
    s = await startCalloutStack();
  });
  afterAll(async () => {
    await s.t.get(JobQueue).queue(QueueName.Callouts).obliterate({ force: true });
    await s.close();
  });

  it('for a record that does not exist fails at once, with the reason, and is not retried', async () => {
    const queues = s.t.get(JobQueue);
    // Tier starts are retried up to 20 times: a transient failure would leave it delayed.
    const jobId = await queues.add(JobName.CalloutTierStart, { calloutId: randomUUID(), tier: 0, round: 0 });
    const job = await waitFor(
      // The state first, then the job: a job read while still active keeps its old attempt count.
      async () => {
        const queue = queues.queue(QueueName.Callouts);
        return (await queue.getJobState(jobId!)) === 'failed' ? queue.getJob(jobId!) : undefined;
      },
      15_000,
      'the job to fail',
    );
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toBe('NotFoundError: Call-out not found');
  });
});
