import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ProviderHealthView } from '@muster/contracts';
import { Roles } from '../common/access.decorators.js';
import { ApiDoc } from '../common/api-docs.js';
import { Providers } from '../messaging/providers.js';

/** The SMS and voice providers' health, for the zone admin: which are up, which are passed over. */
@ApiTags('callouts')
@Controller('api/admin/providers')
export class ProviderHealthController {
  constructor(private readonly providers: Providers) {}

  @ApiDoc('Health of each SMS/voice provider (its circuit breaker) as the workers see it', 401, 403)
  @Get()
  @Roles('zone_admin')
  async health(): Promise<ProviderHealthView[]> {
    return (await this.providers.clusterHealth()).map((h) => ({
      provider: h.provider,
      configured: h.configured,
      state: h.state,
      recentFailures: h.recentFailures,
      openedAt: h.openedAt ? new Date(h.openedAt).toISOString() : null,
      lastFailure: h.lastFailure,
      sent: h.sent,
      failed: h.failed,
    }));
  }
}
