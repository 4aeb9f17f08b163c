import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RoomActor, RoomEventType } from '@muster/contracts';

@Entity('room_event')
export class RoomEvent {
  @PrimaryColumn({ type: 'uuid' }) incidentId: string;
  @PrimaryColumn({ type: 'integer' }) seq: number;
  @Column({ type: 'text' }) type: RoomEventType;
  @Column({ type: 'jsonb' }) payload: Record<string, unknown>;
  @Column({ type: 'jsonb' }) actor: RoomActor;
  @Column({ type: 'timestamptz' }) at: Date;
}
