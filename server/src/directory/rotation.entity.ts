import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

@Entity('rotation')
export class Rotation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', nullable: true })
  enterpriseId: string | null;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'integer' })
  shiftHours: number;

  /** HH:mm in the zone's time zone. */
  @Column({ type: 'text' })
  handoffTime: string;

  /** YYYY-MM-DD. */
  @Column({ type: 'date' })
  startDate: string;

  @Column({ type: 'text' })
  notes: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  /** Loaded by the repository from rotation_member (in order) and rotation_override. */
  memberContactIds: string[];
  overrides: RotationOverride[];
}

/** A position in the rotation; the same person may hold several. */
@Entity('rotation_member')
export class RotationMember {
  @PrimaryColumn({ type: 'uuid' })
  rotationId: string;

  @PrimaryColumn({ type: 'integer' })
  position: number;

  @Column({ type: 'uuid' })
  contactId: string;
}

/** Someone covering the rotation for a time range (leave, swap, sickness). */
@Entity('rotation_override')
export class RotationOverride {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  rotationId: string;

  @Column({ type: 'uuid' })
  contactId: string;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'text' })
  reason: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
