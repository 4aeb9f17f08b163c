import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ResponsibilityKind } from '@muster/contracts';

/** One line of a responsibility list (责任清单): a department's or post's duties. */
@Entity('responsibility_entry')
export class ResponsibilityEntryRow {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** null: the zone's list. */
  @Column({ type: 'uuid', nullable: true })
  enterpriseId: string | null;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  kind: ResponsibilityKind;

  @Column({ type: 'text' })
  unit: string;

  @Column({ type: 'text', nullable: true })
  post: string | null;

  @Column({ type: 'text', nullable: true })
  holder: string | null;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  industries: string[];

  @Column({ type: 'text', array: true })
  duties: string[];

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
