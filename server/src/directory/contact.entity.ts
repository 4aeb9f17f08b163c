import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Certification, ContactLanguage } from '@muster/contracts';

@Entity('contact')
export class Contact {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Null: a contact of the zone (管委会 departments, zone teams). */
  @Column({ type: 'uuid', nullable: true })
  enterpriseId: string | null;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  organization: string;

  @Column({ type: 'text' })
  post: string;

  /** E.164, normalized on input; the first is the preferred number. */
  @Column({ type: 'text', array: true })
  phones: string[];

  @Column({ type: 'text', array: true })
  skills: string[];

  @Column({ type: 'jsonb' })
  certifications: Certification[];

  @Column({ type: 'text' })
  language: ContactLanguage;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ type: 'text' })
  notes: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
