import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type {
  ControlMeasureView,
  RiskClass,
  RiskHazardFactor,
  RiskMethod,
  RiskPointKind,
} from '@muster/contracts';

/** A risk point (风险点) of an enterprise: a unit, facility, job or operation, with its controls. */
@Entity('risk_point')
export class RiskPoint {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  enterpriseId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: RiskPointKind;

  @Column({ type: 'text' })
  place: string;

  @Column({ type: 'text', nullable: true })
  post: string | null;

  @Column({ type: 'double precision', nullable: true })
  lat: number | null;

  @Column({ type: 'double precision', nullable: true })
  lng: number | null;

  @Column({ type: 'jsonb' })
  hazards: RiskHazardFactor[];

  @Column({ type: 'jsonb' })
  measures: ControlMeasureView[];

  @Column({ type: 'jsonb' })
  emergencyActions: string[];

  /** The latest assessment's method, score and grade (null until assessed). */
  @Column({ type: 'text', nullable: true })
  method: RiskMethod | null;

  @Column({ type: 'double precision', nullable: true })
  score: number | null;

  @Column({ type: 'text', nullable: true })
  grade: RiskClass | null;

  @Column({ type: 'timestamptz', nullable: true })
  assessedAt: Date | null;

  /** Zone-local date (YYYY-MM-DD). */
  @Column({ type: 'date', nullable: true })
  nextAssessmentOn: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** One assessment of a risk point; all are kept (history, the zone's trend by quarter). */
@Entity('risk_assessment')
export class RiskAssessment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  riskPointId: string;

  @Column({ type: 'text' })
  method: RiskMethod;

  @Column({ type: 'double precision' })
  l: number;

  @Column({ type: 'double precision', nullable: true })
  e: number | null;

  @Column({ type: 'double precision', nullable: true })
  c: number | null;

  @Column({ type: 'double precision', nullable: true })
  s: number | null;

  @Column({ type: 'double precision' })
  score: number;

  @Column({ type: 'text' })
  grade: RiskClass;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'text' })
  assessedBy: string;

  @Column({ type: 'uuid', nullable: true })
  assessorId: string | null;

  @Column({ type: 'timestamptz' })
  assessedAt: Date;
}

/** The inspection plan generated for one grade's control measures of one enterprise. */
@Entity('risk_check_plan')
export class RiskCheckPlan {
  @PrimaryColumn({ type: 'uuid' })
  enterpriseId: string;

  @PrimaryColumn({ type: 'text' })
  grade: RiskClass;

  @Column({ type: 'uuid' })
  planId: string;
}

export const RISK_ENTITIES = [RiskPoint, RiskAssessment, RiskCheckPlan];
