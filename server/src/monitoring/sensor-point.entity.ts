import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { PointAlarmAction, PointKind } from '@muster/contracts';

@Entity('sensor_point')
export class SensorPoint {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  installationId: string;

  /** The installation's, kept here so that scope and the MQTT topic need no join. */
  @Column({ type: 'uuid' })
  enterpriseId: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: PointKind;

  @Column({ type: 'text' })
  unit: string;

  @Column({ type: 'double precision' })
  rangeMin: number;

  @Column({ type: 'double precision' })
  rangeMax: number;

  @Column({ type: 'double precision', nullable: true })
  high: number | null;

  @Column({ type: 'double precision', nullable: true })
  highHigh: number | null;

  @Column({ type: 'double precision', nullable: true })
  low: number | null;

  @Column({ type: 'double precision', nullable: true })
  lowLow: number | null;

  @Column({ type: 'integer' })
  delaySeconds: number;

  @Column({ type: 'integer' })
  holdSeconds: number;

  @Column({ type: 'text' })
  onAlarm: PointAlarmAction;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
