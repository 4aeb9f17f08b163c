import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type {
  AccountabilityMeasure,
  AccountabilityStatus,
  AccountablePerson,
  FindingKind,
} from '@muster/contracts';

/** One decision to hold people to account for one finding (责任追究). */
@Entity('accountability_record')
export class AccountabilityRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) findingKind: FindingKind;
  @Column({ type: 'uuid' }) findingId: string;
  /** Kept with the record: the finding as it read when the record was made. */
  @Column({ type: 'text' }) findingTitle: string;
  @Column({ type: 'text', nullable: true }) findingAt: string | null;
  @Column({ type: 'uuid', nullable: true }) findingEnterpriseId: string | null;
  /** Whose people are held to account: an enterprise, or null for the zone's departments. */
  @Column({ type: 'uuid', nullable: true }) enterpriseId: string | null;
  @Column({ type: 'jsonb' }) persons: AccountablePerson[];
  @Column({ type: 'text' }) facts: string;
  @Column({ type: 'text' }) measure: AccountabilityMeasure;
  @Column({ type: 'text', default: '' }) measureDetail: string;
  @Column({ type: 'text', default: 'proposed' }) status: AccountabilityStatus;
  @Column({ type: 'date', nullable: true }) decidedOn: string | null;
  @Column({ type: 'date', nullable: true }) dueOn: string | null;
  @Column({ type: 'date', nullable: true }) carriedOutOn: string | null;
  @Column({ type: 'text', default: '' }) outcome: string;
  @Column({ type: 'text', nullable: true }) withdrawnReason: string | null;
  @Column({ type: 'uuid', array: true, default: () => `'{}'` }) attachmentIds: string[];
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ type: 'uuid', nullable: true }) decidedBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

export const ACCOUNTABILITY_ENTITIES = [AccountabilityRecord];
