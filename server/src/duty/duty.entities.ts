import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { DutyRule, DutyTier } from '@muster/contracts';

/** The zone's one alerting policy (a single row). */
@Entity('duty_policy')
export class DutyPolicy {
  @PrimaryColumn({ type: 'boolean', default: true }) id: boolean;
  @Column({ type: 'boolean', default: true }) enabled: boolean;
  @Column({ type: 'uuid', nullable: true }) dutyRotationId: string | null;
  @Column({ type: 'jsonb' }) tiers: DutyTier[];
  @Column({ type: 'jsonb' }) rules: DutyRule[];
  @Column({ type: 'uuid', nullable: true }) updatedBy: string | null;
  @Column({ type: 'timestamptz' }) updatedAt: Date;
}

/** What the policy did for one incident and trigger; unique per pair. */
@Entity('duty_alert')
export class DutyAlert {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) incidentId: string;
  @Column({ type: 'text' }) trigger: string;
  @Column({ type: 'uuid', nullable: true }) calloutId: string | null;
  /** The duty officer and commanders paged: whose acknowledgement takes the incident in charge. */
  @Column({ type: 'uuid', array: true, default: '{}' }) inChargeContactIds: string[];
  /** `paged`, `disabled`, `no_policy`, `nobody` (no one to page, or none on a drill's roster). */
  @Column({ type: 'text' }) outcome: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
