import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { NotificationKind, NotificationParams } from '@muster/contracts';

/**
 * An in-app message to one user; any domain may send them. It keeps its kind and params, and is
 * worded for each reader from the contracts' NOTIFICATION_TEXT.
 */
@Entity('notification')
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  /** `domain.event`, e.g. `hazard.major_reported`. */
  @Column({ type: 'text' })
  kind: NotificationKind;

  @Column({ type: 'jsonb' })
  params: NotificationParams;

  @Column({ type: 'text', nullable: true })
  entity: string | null;

  @Column({ type: 'text', nullable: true })
  entityId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
