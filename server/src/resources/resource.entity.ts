import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ResourceStatus, ResourceType } from '@muster/contracts';

@Entity('resource')
export class Resource {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Null: the zone's own resource (public hydrants, zone warehouses, shelters). */
  @Column({ type: 'uuid', nullable: true })
  enterpriseId: string | null;

  @Column({ type: 'text' })
  type: ResourceType;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  model: string;

  @Column({ type: 'double precision' })
  quantity: number;

  @Column({ type: 'text' })
  unit: string;

  @Column({ type: 'text' })
  status: ResourceStatus;

  /** Set with `dispatched` / `on_scene` only, by the room that sent it. */
  @Column({ type: 'uuid', nullable: true })
  dispatchIncidentId: string | null;

  @Column({ type: 'text' })
  custodian: string;

  /** E.164. */
  @Column({ type: 'text', nullable: true })
  custodianPhone: string | null;

  @Column({ type: 'double precision' })
  lat: number;

  @Column({ type: 'double precision' })
  lng: number;

  @Column({ type: 'text' })
  address: string;

  @Column({ type: 'date', nullable: true })
  lastInspectedOn: string | null;

  @Column({ type: 'date', nullable: true })
  nextInspectionOn: string | null;

  @Column({ type: 'date', nullable: true })
  expiresOn: string | null;

  @Column({ type: 'text' })
  notes: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
