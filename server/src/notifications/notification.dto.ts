import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional } from 'class-validator';
import { NOTIFICATION_KINDS, type NotificationKind } from '@muster/contracts';
import { PageQueryDto } from '../common/paging.dto.js';

export class NotificationListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only unread notifications' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;

  @ApiPropertyOptional({ enum: NOTIFICATION_KINDS, description: 'Only notifications of this kind' })
  @IsOptional()
  @IsIn(NOTIFICATION_KINDS)
  kind?: NotificationKind;
}

export class NotificationPreferencesDto {
  @ApiProperty({ description: 'In-app only: no SMS for non-urgent kinds (urgent kinds always go)' })
  @IsBoolean()
  quiet: boolean;

  @ApiProperty({
    enum: NOTIFICATION_KINDS,
    isArray: true,
    description: 'Non-urgent kinds that also go by SMS',
  })
  @IsArray()
  @ArrayMaxSize(NOTIFICATION_KINDS.length)
  @IsIn(NOTIFICATION_KINDS, { each: true })
  smsKinds: NotificationKind[];
}
