/**
 * A provider's health as a circuit breaker. Closed: every send goes to it, and its failures
 * (errors and time-outs, not refusals of one number) are counted over a sliding window. At the
 * threshold it opens: sends go to the next provider able to reach the number. After the open
 * period one send is let through as a probe (half-open): its success closes the breaker, its
 * failure opens it again. The clock is passed in, so the rule is tested without waiting.
 */
export type BreakerState = 'closed' | 'open' | 'half_open';

export interface BreakerOptions {
  failures: number;
  windowMs: number;
  openMs: number;
}

export interface BreakerSnapshot {
  state: BreakerState;
  /** Failures counted in the current window. */
  recentFailures: number;
  openedAt: Date | null;
  lastFailure: string | null;
  sent: number;
  failed: number;
}

export class CircuitBreaker {
  private state: BreakerState = 'closed';
  private failureTimes: number[] = [];
  private openedAt = 0;
  private probing = false;
  private lastFailure: string | null = null;
  private sent = 0;
  private failed = 0;

  constructor(private readonly options: BreakerOptions) {}

  /** Whether a send may go to the provider now; a half-open breaker lets one probe through. */
  allows(now: number): boolean {
    if (this.state === 'closed') return true;
    if (this.state === 'open' && now - this.openedAt >= this.options.openMs) {
      this.state = 'half_open';
      this.probing = false;
    }
    if (this.state === 'half_open' && !this.probing) {
      this.probing = true;
      return true;
    }
    return false;
  }

  succeeded(): void {
    this.sent++;
    this.state = 'closed';
    this.probing = false;
    this.failureTimes = [];
  }

  failedOnce(now: number, why: string): void {
    this.failed++;
    this.lastFailure = why;
    if (this.state === 'half_open') return this.open(now);
    this.failureTimes = this.failureTimes.filter((t) => now - t < this.options.windowMs);
    this.failureTimes.push(now);
    if (this.state === 'closed' && this.failureTimes.length >= this.options.failures) this.open(now);
  }

  private open(now: number): void {
    this.state = 'open';
    this.openedAt = now;
    this.probing = false;
  }

  snapshot(now: number): BreakerSnapshot {
    return {
      state: this.state === 'open' && now - this.openedAt >= this.options.openMs ? 'half_open' : this.state,
      recentFailures: this.failureTimes.filter((t) => now - t < this.options.windowMs).length,
      openedAt: this.state === 'closed' ? null : new Date(this.openedAt),
      lastFailure: this.lastFailure,
      sent: this.sent,
      failed: this.failed,
    };
  }
}
