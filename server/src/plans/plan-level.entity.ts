import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Severity, LevelChecklistItem } from '@muster/contracts';

/** A response level of a plan version (响应分级): when it starts, what it sets in motion, whom it pages. */
@Entity('plan_level')
export class PlanLevel {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  versionId: string;

  /** 1 = the most severe response. */
  @Column({ type: 'integer' })
  rank: number;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  activationCriteria: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  severities: Severity[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  checklist: LevelChecklistItem[];

  @Column({ type: 'uuid', nullable: true })
  policyId: string | null;
}
