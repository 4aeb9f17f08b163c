import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ResponseLevel } from '@muster/contracts';

/** A plan's response level activated for an incident: once per incident, plan and level. */
@Entity('level_activation')
export class LevelActivationRow {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) incidentId: string;
  @Column({ type: 'uuid' }) planId: string;
  @Column({ type: 'uuid' }) versionId: string;
  @Column({ type: 'uuid' }) levelId: string;
  @Column({ type: 'integer' }) rank: number;
  @Column({ type: 'text' }) responseLevel: ResponseLevel;
  @Column({ type: 'uuid', nullable: true }) calloutId: string | null;
  @Column({ type: 'uuid', nullable: true }) activatedBy: string | null;
  @Column({ type: 'text', nullable: true }) activatedByName: string | null;
  @Column({ type: 'timestamptz' }) activatedAt: Date;
}
