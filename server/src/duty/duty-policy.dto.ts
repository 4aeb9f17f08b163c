import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsUUID,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  CHANNELS,
  DUTY_TARGET_KINDS,
  INCIDENT_CATEGORIES,
  SEVERITIES,
  type DutyTargetKind,
  type IncidentCategory,
  type Severity,
  type CalloutChannel,
} from '@muster/contracts';

export class DutyTargetDto {
  @ApiProperty({ enum: DUTY_TARGET_KINDS })
  @IsIn(DUTY_TARGET_KINDS)
  kind: DutyTargetKind;

  @ApiProperty({ format: 'uuid', required: false, description: 'With kind `team`' })
  @ValidateIf((o: DutyTargetDto) => o.kind === 'team')
  @IsUUID()
  teamId?: string;

  @ApiProperty({ format: 'uuid', required: false, description: 'With kind `contact`' })
  @ValidateIf((o: DutyTargetDto) => o.kind === 'contact')
  @IsUUID()
  contactId?: string;
}

export class DutyTierDto {
  @ApiProperty({ minimum: 30, maximum: 7200, description: 'Seconds to wait for an acknowledgement' })
  @IsInt()
  @Min(30)
  @Max(7200)
  ackTimeoutSeconds: number;

  @ApiProperty({ enum: CHANNELS, isArray: true, example: ['sms', 'voice'], description: 'In order' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(CHANNELS, { each: true })
  channels: CalloutChannel[];

  @ApiProperty({ minimum: 0, maximum: 3600, description: 'Seconds from the SMS to the call' })
  @IsInt()
  @Min(0)
  @Max(3600)
  voiceDelaySeconds: number;
}

export class DutyRuleDto {
  @ApiProperty({ enum: SEVERITIES, description: 'Applies to incidents of this grade or higher' })
  @IsIn(SEVERITIES)
  minSeverity: Severity;

  @ApiProperty({ enum: INCIDENT_CATEGORIES, nullable: true, description: 'null: any category' })
  @ValidateIf((_o, v) => v !== null)
  @IsIn(INCIDENT_CATEGORIES)
  category: IncidentCategory | null;

  @ApiProperty({ minimum: 0, maximum: 4, description: 'Index into tiers' })
  @IsInt()
  @Min(0)
  @Max(4)
  tier: number;

  @ApiProperty({ type: [DutyTargetDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => DutyTargetDto)
  targets: DutyTargetDto[];
}

export class DutyPolicyDto {
  @ApiProperty()
  @IsBoolean()
  enabled: boolean;

  @ApiProperty({
    format: 'uuid',
    nullable: true,
    description: 'The rotation whose on-call is the duty officer',
  })
  @ValidateIf((_o, v) => v !== null)
  @IsUUID()
  dutyRotationId: string | null;

  @ApiProperty({ type: [DutyTierDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => DutyTierDto)
  tiers: DutyTierDto[];

  @ApiProperty({ type: [DutyRuleDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => DutyRuleDto)
  rules: DutyRuleDto[];
}
