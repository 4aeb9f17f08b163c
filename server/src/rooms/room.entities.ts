import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { DispatchState, FeatureGeometry, MapFeatureKind, TaskStatus } from '@muster/contracts';

@Entity('room_task')
export class RoomTask {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) incidentId: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', default: '' }) detail: string;
  @Column({ type: 'uuid', nullable: true }) assigneeUserId: string | null;
  @Column({ type: 'uuid', nullable: true }) assigneeTeamId: string | null;
  @Column({ type: 'text', nullable: true }) assigneeLabel: string | null;
  @Column({ type: 'timestamptz', nullable: true }) dueAt: Date | null;
  @Column({ type: 'text', default: 'open' }) status: TaskStatus;
  @Column({ type: 'text', default: 'manual' }) source: 'manual' | 'checklist';
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

@Entity('map_feature')
export class MapFeature {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) incidentId: string;
  @Column({ type: 'text' }) kind: MapFeatureKind;
  @Column({ type: 'text', default: '' }) label: string;
  @Column({ type: 'jsonb' }) geometry: FeatureGeometry;
  @Column({ type: 'double precision', nullable: true }) radiusM: number | null;
  @Column({ type: 'timestamptz', nullable: true }) removedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

@Entity('incident_dispatch')
export class Dispatch {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) incidentId: string;
  @Column({ type: 'uuid', nullable: true }) resourceId: string | null;
  @Column({ type: 'text' }) label: string;
  @Column({ type: 'text', default: 'en_route' }) state: DispatchState;
  /** A drill's dispatch never changes the register. */
  @Column({ type: 'boolean', default: false }) isDrill: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
