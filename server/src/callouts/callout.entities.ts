import type { ProviderName } from '../messaging/routing.js';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AnswerChannel, ResponseLevel } from '@muster/contracts';
import type { DeliveryStatus } from '../messaging/delivery-status.js';
import type { Channel, LadderTier, RecipientState } from './ladder.js';

export type CalloutStatus = 'active' | 'succeeded' | 'cancelled' | 'exhausted';
/** What the people paged are asked: to come (a call-out), or to take notice of a warning. */
export type CalloutPurpose = 'callout' | 'warning';

@Entity('callout')
export class Callout {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) incidentId: string;
  @Column({ type: 'uuid', nullable: true }) policyId: string | null;
  @Column({ type: 'text' }) message: string;
  /** The response level a plan level started this call-out for; each text names it in its reader's language. */
  @Column({ type: 'text', nullable: true }) responseLevel: ResponseLevel | null;
  @Column({ type: 'boolean', default: false }) isDrill: boolean;
  @Column({ type: 'text', default: 'callout' }) purpose: CalloutPurpose;
  @Column({ type: 'text' }) shortCode: string;
  @Column({ type: 'text', default: 'active' }) status: CalloutStatus;
  @Column({ type: 'jsonb' }) tiers: LadderTier[];
  @Column({ type: 'integer', default: 0 }) currentTier: number;
  @Column({ type: 'integer', default: 0 }) currentRound: number;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) endedAt: Date | null;
  @Column({ type: 'text', nullable: true }) endReason: string | null;
}

@Entity('callout_recipient')
export class CalloutRecipient {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) calloutId: string;
  @Column({ type: 'uuid', nullable: true }) contactId: string | null;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) phone: string;
  @Column({ type: 'text', default: 'zh-CN' }) language: 'zh-CN' | 'en';
  @Column({ type: 'integer' }) tier: number;
  @Column({ type: 'text', default: 'pending' }) state: RecipientState;
  @Column({ type: 'boolean', default: false }) unreachable: boolean;
  @Column({ type: 'timestamptz', nullable: true }) notifiedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) respondedAt: Date | null;
  @Column({ type: 'text', nullable: true }) responseChannel: AnswerChannel | null;
  @Column({ type: 'jsonb', nullable: true }) location: { lat: number; lng: number } | null;
  @Column({ type: 'timestamptz', nullable: true }) locatedAt: Date | null;
  @Column({ type: 'text', nullable: true }) lastError: string | null;
}

@Entity('callout_delivery')
export class CalloutDelivery {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) calloutId: string;
  @Column({ type: 'uuid' }) recipientId: string;
  @Column({ type: 'integer' }) tier: number;
  @Column({ type: 'integer' }) round: number;
  @Column({ type: 'text' }) channel: Channel;
  @Column({ type: 'text' }) idempotencyKey: string;
  @Column({ type: 'text', default: 'pending' }) status: DeliveryStatus;
  @Column({ type: 'text', nullable: true }) providerSid: string | null;
  /** The provider the page went to (`twilio`, `tencent`). */
  @Column({ type: 'text', nullable: true }) provider: ProviderName | null;
  @Column({ type: 'integer', nullable: true }) errorCode: number | null;
  @Column({ type: 'text', nullable: true }) errorMessage: string | null;
  @Column({ type: 'integer', default: 0 }) attempts: number;
  @Column({ type: 'timestamptz', nullable: true }) sendingSince: Date | null;
  /** Set while a request to the provider may be in flight; no other run sends until then. */
  @Column({ type: 'timestamptz', nullable: true }) inFlightUntil: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
