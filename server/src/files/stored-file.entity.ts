import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An uploaded photo or document. The bytes live in the file store (disk or S3) under a
 * server-generated key; the uploader's file name is kept for display only and never becomes a key.
 */
@Entity('stored_file')
export class StoredFile {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Null until attached to an enterprise's record when a zone user uploaded it. */
  @Column({ type: 'uuid', nullable: true })
  enterpriseId: string | null;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  mime: string;

  @Column({ type: 'integer' })
  size: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'text' })
  storageKey: string;

  @Column({ type: 'text', nullable: true })
  thumbnailKey: string | null;

  @Column({ type: 'uuid', nullable: true })
  uploadedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
