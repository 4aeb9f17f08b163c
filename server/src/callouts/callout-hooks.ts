import { Injectable } from '@nestjs/common';
import type { AnswerChannel } from '@muster/contracts';

/** A recipient's acceptance, as the domains that act on it see it. */
export interface CalloutAcknowledgement {
  calloutId: string;
  incidentId: string;
  recipientId: string;
  contactId: string | null;
  name: string;
  channel: AnswerChannel;
  at: Date;
}

export type AcknowledgementListener = (ack: CalloutAcknowledgement) => Promise<void>;

/**
 * Lets higher domains act on an acknowledgement inside the answer's transaction without call-outs
 * knowing them (duty alerting records who took the incident in charge this way).
 */
@Injectable()
export class CalloutHooks {
  private readonly listeners: AcknowledgementListener[] = [];

  onAcknowledged(listener: AcknowledgementListener): void {
    this.listeners.push(listener);
  }

  async runAcknowledged(ack: CalloutAcknowledgement): Promise<void> {
    for (const listener of this.listeners) await listener(ack);
  }
}
