import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDateString, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../common/paging.dto.js';
import { IMPROVEMENT_STATUSES, type ImprovementStatus } from '@muster/contracts';
import { trim } from './text-transforms.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class ImprovementCreateDto {
  @ApiProperty({ example: '补充液氯泄漏堵漏器材' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiProperty({ description: 'Who sees it done (a person or a post)', example: '设备科 王工' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  owner: string;

  @ApiProperty({ description: 'Zone-local date, due by the end of that day', example: '2026-12-31' })
  @Matches(DATE, { message: 'dueOn must be a date YYYY-MM-DD' })
  @IsDateString({ strict: true }, { message: 'dueOn must be a valid calendar date' })
  dueOn: string;
}

export class ImprovementCompleteDto {
  @ApiProperty({ description: 'What was done', example: '已采购并配置堵漏工具两套' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  note: string;
}

export class ImprovementListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: IMPROVEMENT_STATUSES })
  @IsOptional()
  @IsIn(IMPROVEMENT_STATUSES)
  status?: ImprovementStatus;
}
