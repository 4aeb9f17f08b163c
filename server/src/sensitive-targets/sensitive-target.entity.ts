import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { SensitiveTargetKind, SensitiveTargetOutline } from '@muster/contracts';

/** A place a release endangers most; kept by the zone, so it has no owning enterprise. */
@Entity('sensitive_target')
export class SensitiveTarget {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) kind: SensitiveTargetKind;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) address: string;
  @Column({ type: 'double precision' }) lat: number;
  @Column({ type: 'double precision' }) lng: number;
  @Column({ type: 'jsonb', nullable: true }) outline: SensitiveTargetOutline | null;
  @Column({ type: 'integer' }) populationDay: number;
  @Column({ type: 'integer' }) populationNight: number;
  @Column({ type: 'text' }) contactName: string;
  @Column({ type: 'text', nullable: true }) contactPhone: string | null;
  @Column({ type: 'text' }) notes: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
