/**
 * Group commit for readings: callers queue lists of items and learn when the batch holding them
 * has been written. One batch is written at a time, in queue order (a point's readings must not
 * overtake each other, see `step`); a batch goes out once `maxDelayMs` have passed since its
 * oldest entry or `maxRows` are waiting, so under load each write carries what arrived during the
 * previous one. Past `highWater` queued items, `add` waits for room: the MQTT stream then stalls
 * and the broker holds the rest.
 */
export interface BatcherOptions<T> {
  maxRows: number;
  maxDelayMs: number;
  highWater: number;
  write(items: T[]): Promise<void>;
  /** A failure worth trying again (the database away); any other fails the batch's callers. */
  retryable(err: unknown): boolean;
  retryMs: number;
  onRetry(err: unknown): void;
}

interface Entry<T> {
  items: T[];
  at: number;
  resolve(): void;
  reject(err: unknown): void;
}

export class ReadingBatcher<T> {
  private queue: Entry<T>[] = [];
  private queued = 0;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private roomWaiters: (() => void)[] = [];
  private closing = false;

  constructor(private readonly options: BatcherOptions<T>) {}

  /** Queues the items once there is room; `committed` settles when their batch is written. */
  async add(items: T[]): Promise<{ committed: Promise<void> }> {
    for (;;) {
      const queued = this.tryAdd(items);
      if (queued) return queued;
      await new Promise<void>((r) => this.roomWaiters.push(r));
    }
  }

  /** `add` when there is room now (the common case, without a wait); null when there is none. */
  tryAdd(items: T[]): { committed: Promise<void> } | null {
    if (this.queued >= this.options.highWater) return null;
    let entry!: Entry<T>;
    const committed = new Promise<void>((resolve, reject) => {
      entry = { items, at: Date.now(), resolve, reject };
    });
    this.queue.push(entry);
    this.queued += items.length;
    this.schedule();
    return { committed };
  }

  /** Writes what is queued and stops retrying failed writes: for shutdown. */
  async drain(): Promise<void> {
    this.closing = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
    if (this.queue.length) await this.start();
  }

  private schedule(): void {
    if (this.running) return;
    const waitMs =
      this.queued >= this.options.maxRows ? 0 : this.queue[0]!.at + this.options.maxDelayMs - Date.now();
    if (waitMs <= 0) {
      void this.start();
      return;
    }
    this.timer ??= setTimeout(() => void this.start(), waitMs);
  }

  private start(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running ??= this.run().finally(() => {
      this.running = null;
      if (this.queue.length) this.schedule();
    });
    return this.running;
  }

  private async run(): Promise<void> {
    while (this.queue.length) {
      const batch = this.take();
      const items = batch.flatMap((e) => e.items);
      this.queued -= items.length;
      for (const wake of this.roomWaiters.splice(0)) wake();
      try {
        await this.writeRetrying(items);
        for (const e of batch) e.resolve();
      } catch (err) {
        if (batch.length > 1 && !this.options.retryable(err)) await this.writeEach(batch);
        else for (const e of batch) e.reject(err);
      }
      // Not enough for a full batch yet and still young: let it gather until its time.
      if (
        this.queue.length &&
        this.queued < this.options.maxRows &&
        this.queue[0]!.at + this.options.maxDelayMs > Date.now()
      )
        return;
    }
  }

  /** The rules refused a batch: each entry alone, so one caller's readings fail only that caller. */
  private async writeEach(batch: Entry<T>[]): Promise<void> {
    for (const e of batch) {
      try {
        await this.writeRetrying(e.items);
        e.resolve();
      } catch (err) {
        e.reject(err);
      }
    }
  }

  /** Whole entries up to `maxRows` items, and always at least one. */
  private take(): Entry<T>[] {
    let rows = 0;
    let n = 0;
    while (n < this.queue.length && (n === 0 || rows + this.queue[n]!.items.length <= this.options.maxRows))
      rows += this.queue[n++]!.items.length;
    return this.queue.splice(0, n);
  }

  private async writeRetrying(items: T[]): Promise<void> {
    for (;;) {
      try {
        await this.options.write(items);
        return;
      } catch (err) {
        if (this.closing || !this.options.retryable(err)) throw err;
        this.options.onRetry(err);
        await new Promise((r) => setTimeout(r, this.options.retryMs));
      }
    }
  }
}
