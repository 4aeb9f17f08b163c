import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ConsequenceModel, ThreatZone } from '@muster/contracts';

/** One model run of an incident room; kept as run (never edited), so the record shows what was known when. */
@Entity('consequence_run')
export class ConsequenceRun {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) incidentId: string;
  @Column({ type: 'text' }) model: ConsequenceModel;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'jsonb' }) inputs: Record<string, unknown>;
  @Column({ type: 'jsonb' }) zones: ThreatZone[];
  @Column({ type: 'uuid', nullable: true }) createdById: string | null;
  @Column({ type: 'text' }) createdByName: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
