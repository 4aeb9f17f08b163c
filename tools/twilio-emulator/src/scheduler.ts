/**
 * Timers the emulator can cancel all at once (reset, close), a FIFO task pool of bounded
 * concurrency for outbound webhooks, and an admission gate that bounds how many messages are in
 * their delivery lifecycle at a time (a create waits for room instead of growing memory), and the
 * callers waiting for all of that to settle.
 */

export class Timers {
  private readonly pending = new Map<NodeJS.Timeout, () => void>();

  /** Resolves after `ms` (or at once when cancelled: callers re-check whether to go on). */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (ms <= 0) {
        setImmediate(resolve);
        return;
      }
      const t = setTimeout(() => {
        this.pending.delete(t);
        resolve();
      }, ms);
      this.pending.set(t, resolve);
    });
  }

  cancelAll(): void {
    for (const [t, resolve] of this.pending) {
      clearTimeout(t);
      resolve();
    }
    this.pending.clear();
  }

  get size(): number {
    return this.pending.size;
  }
}

export class TaskPool {
  private readonly queue: Array<() => Promise<void>> = [];
  private head = 0;
  private running = 0;

  /** `concurrency`: a number, or a function asked before each start (adaptive limits). */
  constructor(
    private readonly concurrency: number | (() => number),
    /** Called after each task has finished and left the pool. */
    private readonly onSettled: () => void = () => undefined,
  ) {}

  push(task: () => Promise<void>): void {
    this.queue.push(task);
    this.pump();
  }

  get pending(): number {
    return this.queue.length - this.head;
  }

  get inFlight(): number {
    return this.running;
  }

  private pump(): void {
    const limit = typeof this.concurrency === 'number' ? this.concurrency : Math.max(1, this.concurrency());
    while (this.running < limit && this.head < this.queue.length) {
      const task = this.queue[this.head];
      this.queue[this.head++] = undefined as never;
      if (this.head > 1024 && this.head * 2 > this.queue.length) {
        this.queue.splice(0, this.head);
        this.head = 0;
      }
      this.running++;
      task()
        .catch(() => undefined)
        .finally(() => {
          this.running--;
          this.pump();
          this.onSettled();
        });
    }
  }
}

export class AdmissionGate {
  private active = 0;
  private readonly waiters: Array<() => void> = [];

  constructor(private readonly capacity: number) {}

  /** Takes a place if one is free now. */
  tryEnter(): boolean {
    if (this.active < this.capacity && this.waiters.length === 0) {
      this.active++;
      return true;
    }
    return false;
  }

  /** Takes a place, waiting while all `capacity` places are taken. */
  async enter(): Promise<void> {
    if (this.active < this.capacity && this.waiters.length === 0) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  leave(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.active--;
  }

  get inside(): number {
    return this.active;
  }

  get waiting(): number {
    return this.waiters.length;
  }
}

/** Callers of `idle()`, released once nothing is `busy` any more (checked after each task settles). */
export class IdleWaiters {
  private readonly waiters: Array<() => void> = [];

  constructor(private readonly busy: () => boolean) {}

  wait(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.waiters.push(resolve);
      this.check();
    });
  }

  check(): void {
    if (this.busy()) return;
    this.releaseAll();
  }

  releaseAll(): void {
    while (this.waiters.length) this.waiters.shift()!();
  }
}
