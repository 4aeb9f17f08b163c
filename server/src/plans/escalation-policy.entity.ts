import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Channel } from '@muster/contracts';

/** Who a response level pages, tier after tier: the escalation ladder of a call-out. */
@Entity('escalation_policy')
export class EscalationPolicy {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** null: the zone's policy. Targets belong to the same owner. */
  @Column({ type: 'uuid', nullable: true })
  enterpriseId: string | null;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  /** Loaded by the repository, in order. */
  tiers: EscalationTier[];
}

@Entity('escalation_tier')
export class EscalationTier {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  policyId: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'uuid', nullable: true })
  rotationId: string | null;

  @Column({ type: 'text', array: true })
  channels: Channel[];

  @Column({ type: 'integer', default: 0 })
  voiceDelaySeconds: number;

  @Column({ type: 'integer' })
  ackTimeoutSeconds: number;

  @Column({ type: 'integer' })
  quorum: number;

  @Column({ type: 'integer', default: 0 })
  repeats: number;

  /** Loaded by the repository from escalation_tier_contact / _team, in order. */
  contactIds: string[];
  teamIds: string[];
}

@Entity('escalation_tier_contact')
export class EscalationTierContact {
  @PrimaryColumn({ type: 'uuid' })
  tierId: string;

  @PrimaryColumn({ type: 'uuid' })
  contactId: string;

  @Column({ type: 'integer' })
  position: number;
}

@Entity('escalation_tier_team')
export class EscalationTierTeam {
  @PrimaryColumn({ type: 'uuid' })
  tierId: string;

  @PrimaryColumn({ type: 'uuid' })
  teamId: string;

  @Column({ type: 'integer' })
  position: number;
}
