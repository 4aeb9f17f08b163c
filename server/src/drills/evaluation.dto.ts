import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  EVALUATION_DIMENSIONS,
  OBSERVATION_KINDS,
  type EvaluationDimension,
  type ObservationKind,
  type RunSummaryText,
} from '@muster/contracts';
import { trim } from './text-transforms.js';

export class ObservationCreateDto {
  @ApiProperty({ enum: OBSERVATION_KINDS, description: 'strength / area for improvement' })
  @IsIn(OBSERVATION_KINDS)
  kind: ObservationKind;

  @ApiProperty({ example: '危化品救援队5分钟内完成集结' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  text: string;

  @ApiPropertyOptional({ description: 'The drill room event (seq) the observation is about', nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  eventSeq?: number | null;
}

export class EvaluationScoreDto {
  @ApiProperty({ enum: EVALUATION_DIMENSIONS })
  @IsIn(EVALUATION_DIMENSIONS)
  dimension: EvaluationDimension;

  @ApiProperty({ minimum: 1, maximum: 5, description: '1 (poor) – 5 (excellent)' })
  @IsInt()
  @Min(1)
  @Max(5)
  score: number;

  @ApiPropertyOptional({ default: '' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class EvaluationPutDto {
  @ApiProperty({ type: [EvaluationScoreDto], description: 'At most one score per dimension' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(EVALUATION_DIMENSIONS.length)
  @ValidateNested({ each: true })
  @Type(() => EvaluationScoreDto)
  scores: EvaluationScoreDto[];

  @ApiPropertyOptional({ default: '', description: 'Overall assessment' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(10000)
  overall?: string;
}

export class SummaryPutDto implements RunSummaryText {
  @ApiProperty({ description: 'Problems found' })
  @IsString()
  @MaxLength(20000)
  problems: string;

  @ApiProperty({ description: 'Lessons learned' })
  @IsString()
  @MaxLength(20000)
  lessons: string;
}
