import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { IncidentCategory, PlanHazard, PlanType } from '@muster/contracts';

/** A contingency plan (应急预案): what it covers and who owns it; its content lives in versions. */
@Entity('plan')
export class Plan {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** null: the zone's own plan, readable by every enterprise officer. */
  @Column({ type: 'uuid', nullable: true })
  enterpriseId: string | null;

  @Column({ type: 'text' })
  type: PlanType;

  /** The document number the owner files it under (e.g. HS-YA-01). */
  @Column({ type: 'text', default: '' })
  code: string;

  @Column({ type: 'text' })
  title: string;

  /** 适用范围. */
  @Column({ type: 'text', default: '' })
  scope: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  hazards: PlanHazard[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  incidentCategories: IncidentCategory[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
