import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Worker } from 'bullmq';
import { JobQueue } from '../../server/src/jobs/job-queue.service.js';
import { JobName, QueueName } from '../../server/src/jobs/job.types.js';
import { bullConnection } from '../../server/src/jobs/redis-connection.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { waitFor } from '../support/callouts.js';
import { REDIS_URL } from '../support/env.js';

describe('the queue admin API', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.token('zone_admin');
  });
  afterAll(() => t.close());

  it('lists every queue with its counts for the zone admin, and refuses everyone else', async () => {
    const res = await t.http.get('/api/admin/queues').set('Authorization', `Bearer ${admin}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((q: { name: string }) => q.name).sort()).toEqual(
      Object.values(QueueName).sort(),
    );
    for (const q of res.body.items) {
      expect(q.counts).toMatchObject({ waiting: expect.any(Number), failed: expect.any(Number) });
    }
    for (const role of ['commander', 'inspector', 'enterprise_officer', 'responder'] as const) {
      const refused = await t.http
        .get('/api/admin/queues')
        .set('Authorization', `Bearer ${await t.token(role)}`);
      expect(refused.status).toBe(403);
    }
    expect((await t.http.get('/api/admin/queues')).status).toBe(401);
    const unknown = await t.http.get('/api/admin/queues/nope/jobs').set('Authorization', `Bearer ${admin}`);
    expect(unknown.status).toBe(404);
    const badState = await t.http
      .get(`/api/admin/queues/${QueueName.Hazards}/jobs?state=gone`)
      .set('Authorization', `Bearer ${admin}`);
    expect(badState.status).toBe(400);
  });

  it('shows a failed job with its reason and retries it, audited', async () => {
    const payload = {
      runId: '00000000-0000-4000-8000-0000000000aa',
      runInjectId: '00000000-0000-4000-8000-0000000000ab',
      epoch: 0,
    };
    // One attempt, so that it fails for good at once rather than after minutes of backoff.
    const job = await t
      .get(JobQueue)
      .queue(QueueName.Drills)
      .add(JobName.DrillInjectDue, payload, { attempts: 1 });
    const jobId = job.id!;
    // A worker of the test's own that fails every job once, as a provider outage would.
    const worker = new Worker(
      QueueName.Drills,
      async () => {
        throw new Error('provider unreachable');
      },
      { connection: bullConnection(REDIS_URL), prefix: t.redisPrefix, autorun: true },
    );
    try {
      const failed = await waitFor(
        async () => {
          const res = await t.http
            .get(`/api/admin/queues/${QueueName.Drills}/jobs?state=failed`)
            .set('Authorization', `Bearer ${admin}`);
          return res.body.items?.find((j: { id: string }) => j.id === jobId);
        },
        30_000,
        'the job to fail for good',
      );
      expect(failed).toMatchObject({
        name: JobName.DrillInjectDue,
        queue: QueueName.Drills,
        state: 'failed',
        failedReason: 'provider unreachable',
        data: payload,
      });
      expect(failed.attemptsMade).toBe(failed.attempts);
      expect(failed.stacktrace).toContain('provider unreachable');
    } finally {
      await worker.close();
    }

    const commander = await t.token('commander');
    const path = `/api/admin/queues/${QueueName.Drills}/jobs/${jobId}/retry`;
    expect((await t.http.post(path).set('Authorization', `Bearer ${commander}`)).status).toBe(403);

    const retried = await t.http.post(path).set('Authorization', `Bearer ${admin}`);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ id: jobId, state: 'waiting' });
    const counts = await t.http.get('/api/admin/queues').set('Authorization', `Bearer ${admin}`);
    const drills = counts.body.items.find((q: { name: string }) => q.name === QueueName.Drills);
    expect(drills.counts.failed).toBe(0);
    expect(drills.counts.waiting).toBeGreaterThanOrEqual(1);

    // A job that is not failed cannot be retried.
    expect((await t.http.post(path).set('Authorization', `Bearer ${admin}`)).status).toBe(409);

    const audit = await t.http.get('/api/audit?action=job.retried').set('Authorization', `Bearer ${admin}`);
    expect(audit.status).toBe(200);
    expect(audit.body.items[0]).toMatchObject({
      action: 'job.retried',
      after: { queue: QueueName.Drills, jobId },
    });
  });
});
