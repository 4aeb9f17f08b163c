import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { HazardCategory, RiskClass, SpotCheckRecusal, SpotCheckStatus } from '@muster/contracts';

/** A double random spot check (双随机抽查): what to draw, from whom, and for when. */
@Entity('spot_check_task')
export class SpotCheckTask {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'date' }) periodStart: string;
  @Column({ type: 'date' }) periodEnd: string;
  @Column({ type: 'integer' }) enterpriseCount: number;
  @Column({ type: 'integer' }) inspectorsPerEnterprise: number;
  @Column({ type: 'text', array: true }) industries: string[];
  @Column({ type: 'text', array: true }) riskClasses: RiskClass[];
  @Column({ type: 'uuid', array: true }) excludedEnterpriseIds: string[];
  @Column({ type: 'integer', nullable: true }) excludeCheckedWithinDays: number | null;
  @Column({ type: 'jsonb' }) recusals: SpotCheckRecusal[];
  @Column({ type: 'jsonb' }) checklist: { text: string; category: HazardCategory }[];
  @Column({ type: 'text', default: 'draft' }) status: SpotCheckStatus;
  @Column({ type: 'timestamptz', nullable: true }) publishedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) publishedBy: string | null;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** A drawn pair as recorded: names as they were when drawn, and the inspection it became. */
export interface StoredPair {
  enterpriseId: string;
  enterpriseName: string;
  inspectors: { id: string; name: string }[];
  inspectionId: string | null;
}

/** One draw of a task, with everything needed to draw it again. */
@Entity('spot_check_draw')
export class SpotCheckDraw {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) taskId: string;
  @Column({ type: 'integer' }) seq: number;
  @Column({ type: 'text' }) seed: string;
  @Column({ type: 'text' }) algorithm: string;
  @Column({ type: 'uuid', array: true }) enterpriseCandidates: string[];
  @Column({ type: 'uuid', array: true }) inspectorCandidates: string[];
  @Column({ type: 'jsonb' }) recusals: { inspectorId: string; enterpriseId: string }[];
  @Column({ type: 'jsonb' }) pairs: StoredPair[];
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ type: 'boolean', default: false }) superseded: boolean;
  @Column({ type: 'uuid', nullable: true }) drawnBy: string | null;
  @Column({ type: 'timestamptz' }) drawnAt: Date;
}

export const SPOT_CHECK_ENTITIES = [SpotCheckTask, SpotCheckDraw];
