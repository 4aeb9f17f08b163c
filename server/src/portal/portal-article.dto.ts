import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ARTICLE_KINDS, ARTICLE_STATES, type ArticleKind, type ArticleState } from '@muster/contracts';
import { PageQueryDto } from '../common/paging.dto.js';
import { IsOmittable, trim } from '../common/validation.js';

export class ArticleCreateDto {
  @ApiProperty({ enum: ARTICLE_KINDS, description: 'notice (通知公告) or knowledge (安全知识)' })
  @IsIn(ARTICLE_KINDS)
  kind: ArticleKind;

  @ApiProperty({ example: '关于开展2026年冬季危险化学品安全专项检查的通知' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiProperty({ description: 'Plain text; paragraphs separated by blank lines' })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  body: string;

  @ApiPropertyOptional({ type: [String], description: 'Attachments uploaded through /api/files' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  fileIds?: string[];
}

/** The kind stays: it decides the public section and so the article's address. */
export class ArticleUpdateDto extends PartialType(OmitType(ArticleCreateDto, ['kind'] as const), {
  skipNullProperties: false,
}) {}

export class ArticleListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ARTICLE_KINDS })
  @IsOmittable()
  @IsIn(ARTICLE_KINDS)
  kind?: ArticleKind;

  @ApiPropertyOptional({ enum: ARTICLE_STATES })
  @IsOmittable()
  @IsIn(ARTICLE_STATES)
  state?: ArticleState;
}

export class ArticleReviewDto {
  @ApiPropertyOptional({ description: "The reviewer's note (required to reject)" })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  note?: string;
}
