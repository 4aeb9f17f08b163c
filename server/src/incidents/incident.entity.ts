import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type {
  IncidentCategory,
  IncidentSource,
  IncidentStatus,
  ResponseLevel,
  Severity,
  UnitOverview,
} from '@muster/contracts';

/** numeric(16,2) arrives from pg as a string; the loss never needs more than double precision. */
const money = { to: (v: number) => v, from: (v: string | null) => (v === null ? 0 : Number(v)) };

@Entity('incident')
export class Incident {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', nullable: true }) enterpriseId: string | null;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) category: IncidentCategory;
  @Column({ type: 'timestamptz' }) occurredAt: Date;
  @Column({ type: 'timestamptz' }) reportedAt: Date;
  /** Decree 493 Art. 9: the enterprise's 1-hour clock runs from here; null: from the occurrence. */
  @Column({ type: 'timestamptz', nullable: true }) headInformedAt: Date | null;
  @Column({ type: 'text', default: 'enterprise' }) source: IncidentSource;
  /**
   * Source 'zone' only: when the enterprise's own report came (null while it has not). An
   * enterprise's own filing is its report, at `reportedAt` (see `clockFacts`).
   */
  @Column({ type: 'timestamptz', nullable: true }) enterpriseReportedAt: Date | null;
  @Column({ type: 'double precision' }) lat: number;
  @Column({ type: 'double precision' }) lng: number;
  @Column({ type: 'boolean', default: false }) outsideZone: boolean;
  @Column({ type: 'text' }) address: string;
  @Column({ type: 'text' }) summary: string;
  @Column({ type: 'integer', default: 0 }) deaths: number;
  @Column({ type: 'integer', default: 0 }) missing: number;
  @Column({ type: 'integer', default: 0 }) seriousInjuries: number;
  @Column({ type: 'integer', default: 0 }) minorInjuries: number;
  @Column({ type: 'numeric', precision: 16, scale: 2, default: 0, transformer: money }) directLossCny: number;
  @Column({ type: 'text', default: '' }) measuresTaken: string;
  @Column({ type: 'text', default: '' }) otherMatters: string;
  @Column({ type: 'jsonb', nullable: true }) unitOverview: UnitOverview | null;
  @Column({ type: 'text' }) reporterName: string;
  @Column({ type: 'text' }) reporterPhone: string;
  @Column({ type: 'text' }) severity: Severity;
  @Column({ type: 'text', default: 'reported' }) status: IncidentStatus;
  @Column({ type: 'text', nullable: true }) responseLevel: ResponseLevel | null;
  @Column({ type: 'uuid', nullable: true }) planId: string | null;
  @Column({ type: 'boolean', default: false }) isDrill: boolean;
  @Column({ type: 'integer', default: 0 }) lastSeq: number;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ type: 'timestamptz', nullable: true }) closedAt: Date | null;
  /** The first acknowledgement of the duty call-out by a duty officer or commander. */
  @Column({ type: 'timestamptz', nullable: true }) takenInChargeAt: Date | null;
  @Column({ type: 'text', nullable: true }) takenInChargeBy: string | null;
  @Column({ type: 'uuid', nullable: true }) takenInChargeContactId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;

  /** Joined for display; not a column. */
  enterpriseName?: string | null;
}

@Entity('incident_report')
export class IncidentReport {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) incidentId: string;
  @Column({ type: 'text' }) kind: 'initial' | 'supplementary';
  @Column({ type: 'integer' }) deaths: number;
  @Column({ type: 'integer' }) missing: number;
  @Column({ type: 'integer' }) seriousInjuries: number;
  @Column({ type: 'integer' }) minorInjuries: number;
  @Column({ type: 'numeric', precision: 16, scale: 2, transformer: money }) directLossCny: number;
  @Column({ type: 'text' }) summary: string;
  @Column({ type: 'jsonb', nullable: true }) unitOverview: UnitOverview | null;
  @Column({ type: 'text', default: '' }) measuresTaken: string;
  @Column({ type: 'text', default: '' }) otherMatters: string;
  @Column({ type: 'uuid', array: true, default: () => "'{}'" }) attachmentIds: string[];
  /** Set when the report is first printed, and never changed: a reprint carries the same number. */
  @Column({ type: 'integer', nullable: true }) documentYear: number | null;
  @Column({ type: 'integer', nullable: true }) documentSeq: number | null;
  @Column({ type: 'text' }) severityAfter: Severity;
  @Column({ type: 'boolean', default: false }) outsideWindow: boolean;
  @Column({ type: 'timestamptz' }) submittedAt: Date;
  @Column({ type: 'uuid', nullable: true }) submittedBy: string | null;
}
