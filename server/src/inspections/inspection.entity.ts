import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type {
  ChecklistItem,
  HazardLevel,
  InspectionFrequency,
  InspectionKind,
  InspectionResultItem,
  RecheckItem,
} from '@muster/contracts';

/** An inspection plan (排查计划): who is inspected, how often, against which checklist. */
@Entity('inspection_plan')
export class InspectionPlan {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  kind: InspectionKind;

  /** An enterprise's own plan; null for a zone plan over `enterpriseIds`. */
  @Column({ type: 'uuid', nullable: true })
  enterpriseId: string | null;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  enterpriseIds: string[];

  @Column({ type: 'text' })
  frequency: InspectionFrequency;

  @Column({ type: 'date' })
  startsOn: string;

  @Column({ type: 'date', nullable: true })
  endsOn: string | null;

  @Column({ type: 'jsonb' })
  checklist: ChecklistItem[];

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** Answers kept with each item until the record is completed and failures become hazards. */
export interface StoredResultItem extends InspectionResultItem {
  level?: HazardLevel | null;
  place?: string | null;
  photoIds?: string[];
  harmAnalysis?: string | null;
}

/** One inspection carried out at one enterprise (排查记录), or one spot check (抽查). */
@Entity('inspection_record')
export class InspectionRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', nullable: true })
  planId: string | null;

  @Column({ type: 'text' })
  kind: InspectionKind;

  @Column({ type: 'uuid' })
  enterpriseId: string;

  /** Null while a record the schedule created waits for someone to take it up. */
  @Column({ type: 'text', nullable: true })
  inspector: string | null;

  @Column({ type: 'uuid', nullable: true })
  inspectorId: string | null;

  /** A scheduled occurrence: due from this zone-local date… */
  @Column({ type: 'date', nullable: true })
  dueOn: string | null;

  /** …until this one (inclusive); null when the plan sets no end. */
  @Column({ type: 'date', nullable: true })
  dueBy: string | null;

  @Column({ type: 'text', default: 'open' })
  status: 'open' | 'completed';

  @Column({ type: 'jsonb', default: () => "'[]'" })
  items: StoredResultItem[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  rechecks: RecheckItem[];

  @Column({ type: 'timestamptz', default: () => 'now()' })
  startedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
