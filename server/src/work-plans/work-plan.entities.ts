import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type {
  ProgressStatus,
  Quarter,
  WorkPlanContent,
  WorkPlanDecision,
  WorkPlanSectionComment,
  WorkPlanStatus,
  WorkPlanTemplateSection,
  WorkPlanTemplateStatus,
} from '@muster/contracts';

/** The zone's template for a year's implementation plans: sections and required task headings. */
@Entity('work_plan_template')
export class WorkPlanTemplate {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'integer' }) year: number;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) status: WorkPlanTemplateStatus;
  @Column({ type: 'date' }) submissionDeadline: string;
  @Column({ type: 'jsonb' }) sections: WorkPlanTemplateSection[];
  @Column({ type: 'timestamptz', nullable: true }) publishedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** An enterprise's plan for a year, as it stands now (its draft, or what it last submitted). */
@Entity('work_plan')
export class WorkPlan {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) enterpriseId: string;
  @Column({ type: 'uuid' }) templateId: string;
  @Column({ type: 'integer' }) year: number;
  @Column({ type: 'text' }) status: WorkPlanStatus;
  @Column({ type: 'jsonb' }) content: WorkPlanContent;
  @Column({ type: 'integer' }) versions: number;
  @Column({ type: 'timestamptz', nullable: true }) firstSubmittedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) approvedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** One submission of a plan and the zone's review of it. */
@Entity('work_plan_version')
export class WorkPlanVersion {
  @PrimaryColumn('uuid') planId: string;
  @PrimaryColumn('integer') version: number;
  @Column({ type: 'uuid' }) enterpriseId: string;
  @Column({ type: 'jsonb' }) content: WorkPlanContent;
  @Column({ type: 'timestamptz' }) submittedAt: Date;
  @Column({ type: 'uuid', nullable: true }) submittedBy: string | null;
  @Column({ type: 'boolean' }) late: boolean;
  @Column({ type: 'text', nullable: true }) decision: WorkPlanDecision | null;
  @Column({ type: 'timestamptz', nullable: true }) reviewedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) reviewedBy: string | null;
  @Column({ type: 'text', nullable: true }) comment: string | null;
  @Column({ type: 'jsonb' }) sectionComments: WorkPlanSectionComment[];
}

/** A progress entry as stored: the evidence by file id. */
export interface StoredProgressEntry {
  taskKey: string;
  status: ProgressStatus;
  percent: number;
  reason: string | null;
  evidenceFileIds: string[];
}

/** An approved plan's progress report for one quarter. */
@Entity('work_plan_report')
export class WorkPlanReport {
  @PrimaryColumn('uuid') planId: string;
  @PrimaryColumn('smallint') quarter: Quarter;
  @Column({ type: 'uuid' }) enterpriseId: string;
  @Column({ type: 'jsonb' }) entries: StoredProgressEntry[];
  @Column({ type: 'text' }) note: string;
  @Column({ type: 'timestamptz' }) firstSubmittedAt: Date;
  @Column({ type: 'timestamptz' }) submittedAt: Date;
  @Column({ type: 'uuid', nullable: true }) submittedBy: string | null;
}

export const WORK_PLAN_ENTITIES = [WorkPlanTemplate, WorkPlan, WorkPlanVersion, WorkPlanReport];
