import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AlarmLevel, AlarmStatus } from '@muster/contracts';

@Entity('alarm')
export class Alarm {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  pointId: string;

  @Column({ type: 'uuid' })
  installationId: string;

  @Column({ type: 'uuid' })
  enterpriseId: string;

  @Column({ type: 'text' })
  level: AlarmLevel;

  @Column({ type: 'double precision' })
  peakValue: number;

  @Column({ type: 'double precision' })
  limit: number;

  /** The first out-of-band reading of the excursion: with the point, the excursion's key. */
  @Column({ type: 'timestamptz' })
  startedAt: Date;

  @Column({ type: 'timestamptz' })
  raisedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  clearedAt: Date | null;

  @Column({ type: 'text' })
  status: AlarmStatus;

  @Column({ type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  acknowledgedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  disposedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  disposedBy: string | null;

  @Column({ type: 'text', nullable: true })
  disposal: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  closedBy: string | null;

  @Column({ type: 'uuid', nullable: true })
  incidentId: string | null;

  @Column({ type: 'uuid', nullable: true })
  hazardId: string | null;
}
