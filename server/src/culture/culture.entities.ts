import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { CultureActivityKind, ModelApplicationStatus, ModelCriteriaItem } from '@muster/contracts';

/** numeric arrives from pg as a string. */
const decimal = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** A publicity activity (安全宣传活动) of an enterprise, or of the zone's committee (null). */
@Entity('culture_activity')
export class CultureActivity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', nullable: true }) enterpriseId: string | null;
  @Column({ type: 'date' }) heldOn: string;
  @Column({ type: 'text' }) kind: CultureActivityKind;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) place: string;
  @Column({ type: 'integer' }) participantCount: number;
  @Column({ type: 'uuid', array: true }) participantContactIds: string[];
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'uuid', array: true }) photoFileIds: string[];
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** The zone's checklist for a year's model-enterprise programme. */
@Entity('model_criteria')
export class ModelCriteria {
  @PrimaryColumn('integer') year: number;
  @Column({ type: 'jsonb' }) items: ModelCriteriaItem[];
  @Column({ type: 'numeric', precision: 6, scale: 1, transformer: decimal }) passScore: number;
  @Column({ type: 'integer' }) incidentYears: number;
  @Column({ type: 'integer' }) validityYears: number;
  @Column({ type: 'uuid', nullable: true }) updatedBy: string | null;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** One item as stored: the enterprise's self-assessment and the zone's review of it. */
export interface StoredApplicationItem {
  code: string;
  selfScore: number | null;
  selfNote: string;
  evidenceFileIds: string[];
  reviewScore: number | null;
  reviewNote: string;
}

/** An enterprise's application for a year's title. */
@Entity('model_application')
export class ModelApplication {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) enterpriseId: string;
  @Column({ type: 'integer' }) year: number;
  @Column({ type: 'text' }) status: ModelApplicationStatus;
  @Column({ type: 'jsonb' }) items: StoredApplicationItem[];
  @Column({ type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ type: 'text', nullable: true }) returnNote: string | null;
  @Column({ type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) decidedBy: string | null;
  @Column({ type: 'text', nullable: true }) decisionReason: string | null;
  @Column({ type: 'date', nullable: true }) validUntil: string | null;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

export const CULTURE_ENTITIES = [CultureActivity, ModelCriteria, ModelApplication];
