import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../common/paging.dto.js';
import { IsOmittable, trim } from '../common/validation.js';
import { TEAM_READINESS, TEAM_TYPES, type TeamReadiness, type TeamType } from '@muster/contracts';
import { GeoPointDto } from '../enterprises/enterprise.dto.js';

export class TeamCreateDto {
  @ApiPropertyOptional({ nullable: true, description: 'Owning enterprise; null or absent: a zone team' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string | null;

  @ApiProperty({ example: '园区专职消防队' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiProperty({ enum: TEAM_TYPES })
  @IsIn(TEAM_TYPES)
  type: TeamType;

  @ApiPropertyOptional({ nullable: true, description: 'A member contact; added to the members if missing' })
  @IsOptional()
  @IsUUID()
  leaderContactId?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'Member contact ids, in order' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  memberContactIds?: string[];

  @ApiPropertyOptional({ type: GeoPointDto, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => GeoPointDto)
  base?: GeoPointDto | null;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  baseAddress?: string;

  @ApiPropertyOptional({ enum: TEAM_READINESS, default: 'ready' })
  @IsOptional()
  @IsIn(TEAM_READINESS)
  readiness?: TeamReadiness;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  notes?: string;
}

export class TeamUpdateDto extends PartialType(TeamCreateDto, { skipNullProperties: false }) {}

export class TeamListQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: "An enterprise id, or 'zone'" })
  @IsOptional()
  @Matches(/^(zone|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, {
    message: "enterpriseId must be a UUID or 'zone'",
  })
  enterpriseId?: string;

  @ApiPropertyOptional({ enum: TEAM_TYPES })
  @IsOptional()
  @IsIn(TEAM_TYPES)
  type?: TeamType;

  @ApiPropertyOptional({ enum: TEAM_READINESS })
  @IsOptional()
  @IsIn(TEAM_READINESS)
  readiness?: TeamReadiness;

  @ApiPropertyOptional({ description: 'Teams with this contact as a member' })
  @IsOptional()
  @IsUUID()
  contactId?: string;
}
