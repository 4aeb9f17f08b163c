import { describe, expect, it } from '@jest/globals';
import { DomainError, InvalidError } from '../common/domain-errors.js';
import { type BatcherOptions, ReadingBatcher } from './reading-batcher.js';

/** A write that holds each batch until released, so a test decides when a commit happens. */
function gatedWriter() {
  const batches: number[][] = [];
  const gates: (() => void)[] = [];
  const write = (items: number[]) =>
    new Promise<void>((resolve) => {
      batches.push(items);
      gates.push(resolve);
    });
  const next = async () => {
    while (!gates.length) await new Promise((r) => setImmediate(r));
    gates.shift()!();
  };
  return { batches, write, next };
}

function batcher(o: Partial<BatcherOptions<number>> & Pick<BatcherOptions<number>, 'write'>) {
  return new ReadingBatcher<number>({
    maxRows: 4,
    maxDelayMs: 0,
    highWater: 100,
    retryable: (err) => !(err instanceof DomainError),
    retryMs: 0,
    onRetry: () => undefined,
    ...o,
  });
}

describe('ReadingBatcher', () => {
  it('writes what arrives during a write as the next batch, in order, whole entries up to maxRows', async () => {
    const w = gatedWriter();
    const b = batcher({ write: w.write });
    const first = await b.add([1]);
    const rest = [await b.add([2, 3]), await b.add([4]), await b.add([5, 6]), await b.add([7])];
    await w.next();
    await first.committed;
    await w.next();
    await w.next();
    await Promise.all(rest.map((r) => r.committed));
    expect(w.batches).toEqual([[1], [2, 3, 4], [5, 6, 7]]);
  });

  it('settles an entry only when its own batch is written', async () => {
    const w = gatedWriter();
    const b = batcher({ write: w.write });
    const settled: string[] = [];
    const a = await b.add([1]);
    void a.committed.then(() => settled.push('a'));
    const c = await b.add([2]);
    void c.committed.then(() => settled.push('c'));
    await w.next();
    await a.committed;
    expect(settled).toEqual(['a']);
    await w.next();
    await c.committed;
    expect(settled).toEqual(['a', 'c']);
  });

  it('makes callers wait for room past the high-water mark', async () => {
    const w = gatedWriter();
    const b = batcher({ write: w.write, highWater: 3, maxRows: 10 });
    await b.add([1]); // being written
    await b.add([2, 3, 4]); // queued: at the mark
    let admitted = false;
    const waiting = b.add([5]).then((r) => {
      admitted = true;
      return r;
    });
    await new Promise((r) => setImmediate(r));
    expect(admitted).toBe(false);
    await w.next(); // [1] done; [2, 3, 4] taken for writing, which frees the queue
    const fifth = await waiting;
    expect(admitted).toBe(true);
    await w.next();
    await w.next();
    await fifth.committed;
    expect(w.batches).toEqual([[1], [2, 3, 4], [5]]);
  });

  it('tries a batch that failed for the infrastructure again before any later one', async () => {
    const batches: number[][] = [];
    let failures = 1;
    const b = batcher({
      write: async (items) => {
        batches.push(items);
        if (failures-- > 0) throw new Error('connection terminated');
      },
    });
    const first = await b.add([1]);
    const second = await b.add([2]);
    await first.committed;
    await second.committed;
    expect(batches).toEqual([[1], [1], [2]]);
  });

  it('fails only the caller whose readings the rules refused, writing the others of its batch', async () => {
    const batches: number[][] = [];
    const b = batcher({
      maxDelayMs: 60_000,
      maxRows: 100,
      write: async (items) => {
        batches.push(items);
        if (items.includes(1)) throw new InvalidError(['value: refused']);
      },
    });
    const refused = await b.add([1]);
    const other = await b.add([2]);
    const rejection = expect(refused.committed).rejects.toBeInstanceOf(InvalidError);
    await b.drain();
    await rejection;
    await other.committed;
    expect(batches).toEqual([[1, 2], [1], [2]]);
  });

  it('writes what is queued when drained', async () => {
    const batches: number[][] = [];
    const b = batcher({ maxDelayMs: 60_000, maxRows: 100, write: async (items) => void batches.push(items) });
    const queued = await b.add([1, 2]);
    expect(batches).toEqual([]);
    await b.drain();
    await queued.committed;
    expect(batches).toEqual([[1, 2]]);
  });
});
