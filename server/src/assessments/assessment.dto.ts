import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  ASSESSMENT_METRICS,
  ASSESSMENT_SUBJECTS,
  type AssessmentMetric,
  type AssessmentSubject,
  EVIDENCE_KINDS,
  type EvidenceKind,
  NOTICE_KINDS,
  type NoticeKind,
  SCORING_RULES,
  type ScoringRule,
} from '@muster/contracts';
import { IsOmittable, MaxDecimalPlaces, trim } from '../common/validation.js';

export class IndicatorDto {
  @ApiProperty({ description: 'The group the indicator is listed under' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  group: string;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: ASSESSMENT_METRICS })
  @IsIn(ASSESSMENT_METRICS)
  metric: AssessmentMetric;

  @ApiProperty({ enum: SCORING_RULES })
  @IsIn(SCORING_RULES)
  rule: ScoringRule;

  @ApiProperty({ description: 'Points the indicator is worth; a scheme’s weights add up to 100' })
  @IsNumber()
  @MaxDecimalPlaces(2)
  @Min(0.5)
  @Max(100)
  weight: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Target rate (0–1), points per item, or limit in minutes, as the rule needs',
  })
  @IsOmittable()
  @IsNumber()
  @Min(0)
  @Max(100_000)
  param?: number | null;

  @ApiProperty({ enum: EVIDENCE_KINDS })
  @IsIn(EVIDENCE_KINDS)
  evidence: EvidenceKind;

  @ApiPropertyOptional({
    description: 'incidents only: a relatively serious or graver incident fails the sheet',
  })
  @IsOmittable()
  @IsBoolean()
  veto?: boolean;
}

export class SchemeDto {
  @ApiProperty({ minimum: 2000, maximum: 2100 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiPropertyOptional({
    enum: ASSESSMENT_SUBJECTS,
    description: 'Who is assessed: the enterprises (default) or the zone’s departments',
  })
  @IsOmittable()
  @IsIn(ASSESSMENT_SUBJECTS)
  subject?: AssessmentSubject;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiProperty({ minimum: 1, maximum: 90, description: 'Days after publication to object in' })
  @IsInt()
  @Min(1)
  @Max(90)
  objectionDays: number;

  @ApiProperty({ type: [IndicatorDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => IndicatorDto)
  indicators: IndicatorDto[];
}

export class ManualScoreDto {
  @ApiProperty({ description: 'Points given, 0 to the indicator’s weight' })
  @IsNumber()
  @MaxDecimalPlaces(2)
  @Min(0)
  @Max(100)
  points: number;

  @ApiProperty({ description: 'Why: what the inspector found' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  note: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Evidence files (uploaded first)' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  fileIds?: string[];
}

export class ObjectionDto {
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(4000)
  text: string;
}

export class ObjectionReplyDto {
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(4000)
  reply: string;
}

export class NoticeDto {
  @ApiProperty({ enum: NOTICE_KINDS })
  @IsIn(NOTICE_KINDS)
  kind: NoticeKind;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Enterprises named; by default the 优秀 (commendation) or 不合格 (criticism) band',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  enterpriseIds?: string[];
}
