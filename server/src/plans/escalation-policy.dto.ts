import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../common/paging.dto.js';
import { IsOmittable } from '../common/validation.js';
import { CHANNELS, type Channel } from '@muster/contracts';
import { trim } from './text-transforms.js';

export class EscalationTierDto {
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  contactIds: string[];

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  teamIds: string[];

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'Page this rotation’s on-call' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID()
  rotationId?: string | null;

  @ApiProperty({ enum: CHANNELS, isArray: true, example: ['sms', 'voice'], description: 'In order' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(CHANNELS, { each: true })
  channels: Channel[];

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 3600,
    default: 0,
    description: 'Seconds from the first channel to the second',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3600)
  voiceDelaySeconds?: number;

  @ApiProperty({ minimum: 1, maximum: 86400 })
  @IsInt()
  @Min(1, { message: 'ackTimeoutSeconds must be greater than 0' })
  @Max(86400)
  ackTimeoutSeconds: number;

  @ApiProperty({ minimum: 1, description: 'Acknowledgements needed before the ladder stops' })
  @IsInt()
  @Min(1)
  @Max(100)
  quorum: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 10, default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10)
  repeats?: number;
}

export class PolicyCreateDto {
  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description: 'Owning enterprise; null for the zone. Omitted: the officer’s enterprise, or the zone.',
  })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID()
  enterpriseId?: string | null;

  @ApiProperty({ example: '液氯泄漏一级响应呼叫' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiProperty({ type: [EscalationTierDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => EscalationTierDto)
  tiers: EscalationTierDto[];
}

export class PolicyUpdateDto {
  @ApiPropertyOptional()
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ type: [EscalationTierDto] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => EscalationTierDto)
  tiers?: EscalationTierDto[];
}

export class PolicyListQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: '"zone" or an enterprise id' })
  @IsOptional()
  @ValidateIf((o: PolicyListQueryDto) => o.owner !== 'zone')
  @IsUUID(undefined, { message: 'owner must be "zone" or an enterprise id' })
  owner?: string;
}

export class PolicyPreviewQueryDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'When the call-out would start; default now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  at?: string;
}
