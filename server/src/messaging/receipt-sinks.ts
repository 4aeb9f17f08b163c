import { Injectable } from '@nestjs/common';
import type { StatusUpdate } from './delivery-store.js';
import type { ProviderName } from './routing.js';

/** Writes a receipt to the send `provider` knows as `sid`; false when that table holds no such send. */
export type ReceiptSink = (provider: ProviderName, sid: string, s: StatusUpdate) => Promise<boolean>;

/**
 * Where a receipt that names a send only by the provider's id goes (Tencent's pushes come to one
 * URL per application, not one per send): each table of sends registers its sink when it starts,
 * and a receipt goes to the one that holds the send.
 */
@Injectable()
export class ReceiptSinks {
  private readonly sinks: ReceiptSink[] = [];

  register(sink: ReceiptSink): void {
    this.sinks.push(sink);
  }

  /** Whether some table held the send. */
  async deliver(provider: ProviderName, sid: string, s: StatusUpdate): Promise<boolean> {
    for (const sink of this.sinks) if (await sink(provider, sid, s)) return true;
    return false;
  }
}
