import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type {
  PlanAnnex,
  PlanReviewKind,
  PlanReviewMember,
  PlanSection,
  PlanVersionStatus,
  RevisionTrigger,
} from '@muster/contracts';

/** One edition of a plan's content; only a draft may change, and one version at a time is published. */
@Entity('plan_version')
export class PlanVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  planId: string;

  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'text', default: '' })
  label: string;

  @Column({ type: 'text', default: 'draft' })
  status: PlanVersionStatus;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  sections: PlanSection[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  annexes: PlanAnnex[];

  @Column({ type: 'text', default: '' })
  changeSummary: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  revisionTriggers: RevisionTrigger[];

  /** Dates are calendar days in the zone's time zone, kept as 'YYYY-MM-DD'. */
  @Column({ type: 'date', nullable: true })
  reviewDueOn: string | null;

  @Column({ type: 'date', nullable: true })
  evaluationDueOn: string | null;

  @Column({ type: 'date', nullable: true })
  filingDueOn: string | null;

  /** The filing (Order 2 Art. 26), once recorded: filedOn and filedWith are set together. */
  @Column({ type: 'date', nullable: true })
  filedOn: string | null;

  @Column({ type: 'text', nullable: true })
  filedWith: string | null;

  @Column({ type: 'text', nullable: true })
  filingReceiptNo: string | null;

  @Column({ type: 'uuid', nullable: true })
  filingFileId: string | null;

  @Column({ type: 'text', nullable: true })
  filedBy: string | null;

  /** The review (Order 2 Art. 21): kind, day and conclusion are set together. */
  @Column({ type: 'text', nullable: true })
  reviewKind: PlanReviewKind | null;

  @Column({ type: 'date', nullable: true })
  reviewHeldOn: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  reviewMembers: PlanReviewMember[];

  @Column({ type: 'text', nullable: true })
  reviewConclusion: string | null;

  @Column({ type: 'text', nullable: true })
  reviewRecordedBy: string | null;

  /** The principal's signature (Art. 24). */
  @Column({ type: 'text', nullable: true })
  signedBy: string | null;

  @Column({ type: 'date', nullable: true })
  signedOn: string | null;

  /** Telling neighbours and people who may be affected (Art. 24). */
  @Column({ type: 'boolean', default: false })
  concernsNeighbours: boolean;

  @Column({ type: 'date', nullable: true })
  neighboursNotifiedOn: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  neighboursNotified: string[];

  @Column({ type: 'text', default: '' })
  neighbourNoticeHow: string;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  submittedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  publishedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  supersededAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
