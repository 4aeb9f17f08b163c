import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { ALARM_STATUSES, type AlarmStatus } from '@muster/contracts';
import { PageQueryDto } from '../common/paging.dto.js';
import { trim } from '../common/validation.js';

export class AlarmListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() enterpriseId?: string;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() installationId?: string;

  @ApiPropertyOptional({ enum: ALARM_STATUSES }) @IsOptional() @IsIn(ALARM_STATUSES) status?: AlarmStatus;

  @ApiPropertyOptional({ description: 'Only alarms not closed' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  open?: boolean;
}

export class AlarmDisposeDto {
  @ApiProperty({ description: 'What was done' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(2000)
  disposal: string;
}

export class AlarmStatisticsQueryDto {
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;

  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
}
