// The floor of the call-out benchmark, worker side: a BullMQ worker whose jobs do nothing, with
// the concurrency and locking of Muster's delivery queue, in its own process as Muster's worker
// is. It reports when it is ready and when it has completed COUNT jobs.
import 'reflect-metadata';
import { Worker } from 'bullmq';
import { workerOptions } from '../server/dist/jobs/job-worker.service.js';
import { QueueName } from '../server/dist/jobs/job.types.js';

const { REDIS_URL = 'redis://127.0.0.1:6379', REDIS_PREFIX, COUNT, JOB_LOCK_SECONDS = '30' } = process.env;
const count = Number(COUNT);
const url = new URL(REDIS_URL);
const worker = new Worker(QueueName.Deliveries, async () => undefined, {
  connection: { host: url.hostname, port: Number(url.port || 6379), maxRetriesPerRequest: null },
  prefix: REDIS_PREFIX,
  lockDuration: Number(JOB_LOCK_SECONDS) * 1000,
  stalledInterval: (Number(JOB_LOCK_SECONDS) * 1000) / 2,
  ...workerOptions(QueueName.Deliveries, { SMS_RATE_PER_SECOND: 0 }),
});
await worker.waitUntilReady();
let done = 0;
worker.on('completed', () => {
  if (++done === count) process.send({ doneAt: Date.now() });
});
process.on('message', async (m) => {
  if (m === 'stop') {
    await worker.close();
    process.exit(0);
  }
});
process.send({ ready: true, concurrency: worker.opts.concurrency });
