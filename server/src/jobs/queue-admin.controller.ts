import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Roles } from '../common/access.decorators.js';
import { PageQueryDto } from '../common/paging.dto.js';
import {
  type ListResponse,
  QUEUE_JOB_STATES,
  type QueueJobState,
  type QueueJobView,
  type QueueSummaryView,
} from '@muster/contracts';
import { QueueAdminService } from './queue-admin.service.js';
import { ApiDoc } from '../common/api-docs.js';

export class QueueJobsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: QUEUE_JOB_STATES, default: 'failed' })
  @IsOptional()
  @IsIn(QUEUE_JOB_STATES)
  state: QueueJobState = 'failed';
}

/**
 * The zone admin's view of the BullMQ queues (call-out fan-out, deliveries, hazard reminders).
 * Job payloads name records only by id, but a retry re-sends pages, so this is admin-only.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/admin/queues')
export class QueueAdminController {
  constructor(private readonly queues: QueueAdminService) {}

  @ApiDoc('Job queues with their counts by state', 401, 403)
  @Get()
  @Roles('zone_admin')
  list(): Promise<ListResponse<QueueSummaryView>> {
    return this.queues.summaries();
  }

  @ApiDoc("List a queue's jobs in one state", 400, 401, 403, 404)
  @Get(':name/jobs')
  @Roles('zone_admin')
  jobs(@Param('name') name: string, @Query() q: QueueJobsQueryDto): Promise<ListResponse<QueueJobView>> {
    return this.queues.list(name, q.state, q.page, q.pageSize);
  }

  @ApiDoc('Retry a failed job', 400, 401, 403, 404, 409)
  @Post(':name/jobs/:jobId/retry')
  @HttpCode(200)
  @Roles('zone_admin')
  retry(@Param('name') name: string, @Param('jobId') jobId: string): Promise<QueueJobView> {
    return this.queues.retry(name, jobId);
  }
}
