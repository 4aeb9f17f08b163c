import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** One user's notification choices; a user without a row has the defaults. */
@Entity('notification_preference')
export class NotificationPreference {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @Column({ type: 'boolean' })
  quiet: boolean;

  @Column({ type: 'text', array: true })
  smsKinds: string[];

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
