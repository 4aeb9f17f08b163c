import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ArticleKind, ArticleState } from '@muster/contracts';

/**
 * A notice or safety-knowledge article of the zone: the working copy its authors edit, and the
 * version a reviewer approved, which is what the public reads while the next one is reviewed.
 */
@Entity('portal_article')
export class PortalArticle {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) kind: ArticleKind;
  @Column({ type: 'text' }) state: ArticleState;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) body: string;
  @Column({ type: 'uuid', array: true }) fileIds: string[];
  @Column({ type: 'uuid' }) authorId: string;
  @Column({ type: 'uuid' }) editedBy: string;
  @Column({ type: 'uuid', nullable: true }) submittedBy: string | null;
  @Column({ type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) reviewedBy: string | null;
  @Column({ type: 'timestamptz', nullable: true }) reviewedAt: Date | null;
  @Column({ type: 'text', nullable: true }) reviewNote: string | null;
  @Column({ type: 'boolean' }) live: boolean;
  @Column({ type: 'text', nullable: true }) publicTitle: string | null;
  @Column({ type: 'text', nullable: true }) publicBody: string | null;
  @Column({ type: 'uuid', array: true }) publicFileIds: string[];
  @Column({ type: 'timestamptz', nullable: true }) firstPublishedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) publicUpdatedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
