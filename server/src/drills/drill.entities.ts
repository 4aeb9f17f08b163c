import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type {
  EvaluationScore,
  ImprovementStatus,
  ObservationKind,
  RunInjectState,
  RunStatus,
  RunSummaryText,
  ScenarioDocument,
  ScenarioInject,
  PlanType,
} from '@muster/contracts';

/** bigint columns arrive from pg as strings; scenario milliseconds fit a double many times over. */
const bigintNumber = {
  to: (v: number | null) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

@Entity('drill_scenario')
export class DrillScenario {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', nullable: true }) enterpriseId: string | null;
  @Column({ type: 'integer', default: 1 }) version: number;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'jsonb' }) document: ScenarioDocument;
  @Column({ type: 'boolean', default: false }) archived: boolean;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

@Entity('drill_scenario_version')
export class DrillScenarioVersion {
  @PrimaryColumn({ type: 'uuid' }) scenarioId: string;
  @PrimaryColumn({ type: 'integer' }) version: number;
  @Column({ type: 'jsonb' }) document: ScenarioDocument;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

@Entity('drill_run')
export class DrillRun {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) scenarioId: string;
  @Column({ type: 'integer' }) scenarioVersion: number;
  /** The scenario exactly as it was when the run was scheduled. */
  @Column({ type: 'jsonb' }) document: ScenarioDocument;
  @Column({ type: 'uuid', nullable: true }) enterpriseId: string | null;
  @Column({ type: 'text', nullable: true }) planType: PlanType | null;
  @Column({ type: 'text', default: 'scheduled' }) status: RunStatus;
  @Column({ type: 'timestamptz' }) scheduledFor: Date;
  @Column({ type: 'uuid' }) directorId: string;
  @Column({ type: 'uuid', nullable: true }) incidentId: string | null;
  @Column({ type: 'timestamptz', nullable: true }) startedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) endedAt: Date | null;
  /** MEM Order 2 Art. 33: when the drill was reported to the competent department, to whom, and the document. */
  @Column({ type: 'timestamptz', nullable: true }) departmentReportedAt: Date | null;
  @Column({ type: 'text', nullable: true }) departmentName: string | null;
  @Column({ type: 'uuid', nullable: true }) departmentReportFileId: string | null;
  /** Scenario time accumulated before the clock last started. */
  @Column({ type: 'bigint', default: 0, transformer: bigintNumber }) elapsedMs: number;
  /** When the clock last started; null while it stands still. */
  @Column({ type: 'timestamptz', nullable: true }) clockStartedAt: Date | null;
  /** Bumped at every pause: inject jobs of an older epoch find themselves stale and do nothing. */
  @Column({ type: 'integer', default: 0 }) clockEpoch: number;
  @Column({ type: 'uuid', array: true, default: () => "'{}'" }) unreachableContactIds: string[];
  @Column({ type: 'jsonb' }) summary: RunSummaryText;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

@Entity('drill_run_inject')
export class DrillRunInject {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) runId: string;
  @Column({ type: 'jsonb' }) inject: ScenarioInject;
  @Column({ type: 'integer' }) position: number;
  @Column({ type: 'bigint', transformer: bigintNumber }) offsetMs: number;
  @Column({ type: 'text', default: 'scenario' }) source: 'scenario' | 'added';
  @Column({ type: 'text', default: 'pending' }) state: RunInjectState;
  @Column({ type: 'timestamptz', nullable: true }) releasedAt: Date | null;
  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber }) releasedAtMs: number | null;
  @Column({ type: 'text', nullable: true }) releasedBy: string | null;
  @Column({ type: 'integer', nullable: true }) roomSeq: number | null;
}

@Entity('drill_participant')
export class DrillParticipant {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) runId: string;
  @Column({ type: 'text' }) kind: 'contact' | 'team' | 'evaluator';
  @Column({ type: 'uuid', nullable: true }) contactId: string | null;
  @Column({ type: 'uuid', nullable: true }) teamId: string | null;
  @Column({ type: 'uuid', nullable: true }) userId: string | null;
}

@Entity('drill_observation')
export class DrillObservation {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) runId: string;
  @Column({ type: 'uuid' }) evaluatorId: string;
  @Column({ type: 'text' }) kind: ObservationKind;
  @Column({ type: 'text' }) text: string;
  @Column({ type: 'integer', nullable: true }) eventSeq: number | null;
  @Column({ type: 'bigint', transformer: bigintNumber }) scenarioMs: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

@Entity('drill_evaluation')
export class DrillEvaluation {
  @PrimaryColumn({ type: 'uuid' }) runId: string;
  @PrimaryColumn({ type: 'uuid' }) evaluatorId: string;
  @Column({ type: 'jsonb' }) scores: EvaluationScore[];
  @Column({ type: 'text', default: '' }) overall: string;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

@Entity('drill_improvement')
export class DrillImprovement {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) runId: string;
  @Column({ type: 'uuid', nullable: true }) enterpriseId: string | null;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) owner: string;
  /** A calendar date in the zone (YYYY-MM-DD). */
  @Column({ type: 'date' }) dueOn: string;
  @Column({ type: 'text', default: 'open' }) status: ImprovementStatus;
  @Column({ type: 'timestamptz', nullable: true }) completedAt: Date | null;
  @Column({ type: 'text', default: '' }) completionNote: string;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

/** One planned drill of a yearly drill plan (MEM Order 2 Art. 33); no enterprise: the zone's own. */
@Entity('drill_plan_entry')
export class DrillPlanEntry {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', nullable: true }) enterpriseId: string | null;
  @Column({ type: 'integer' }) year: number;
  @Column({ type: 'integer' }) month: number;
  @Column({ type: 'text' }) planType: PlanType;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

export const DRILL_ENTITIES = [
  DrillScenario,
  DrillScenarioVersion,
  DrillRun,
  DrillRunInject,
  DrillParticipant,
  DrillObservation,
  DrillEvaluation,
  DrillImprovement,
  DrillPlanEntry,
];
