import { type DynamicModule, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import { AuditHttpModule } from './audit/audit.http.module.js';
import { AssessmentsHttpModule } from './assessments/assessments.http.module.js';
import { CockpitHttpModule } from './cockpit/cockpit.http.module.js';
import { CalloutsHttpModule } from './callouts/callouts.http.module.js';
import { NotificationSmsHttpModule } from './notifications/notification-sms.http.module.js';
import { HttpExceptionFilter } from './common/http-exception.filter.js';
import { loadConfig } from './config/config.js';
import { ConsequencesHttpModule } from './consequences/consequences.http.module.js';
import { CoreModule } from './core.module.js';
import { DirectoryHttpModule } from './directory/directory.http.module.js';
import { DrillsHttpModule } from './drills/drills.http.module.js';
import { DutyHttpModule } from './duty/duty.http.module.js';
import { EnterpriseHttpModule } from './enterprises/enterprise.http.module.js';
import { FileHttpModule } from './files/file.http.module.js';
import { HazardHttpModule } from './hazards/hazard.http.module.js';
import { HealthHttpModule } from './health/health.http.module.js';
import { IdentityHttpModule } from './identity/identity.http.module.js';
import { IdentityModule } from './identity/identity.module.js';
import { IncidentHttpModule } from './incidents/incident.http.module.js';
import { InspectionHttpModule } from './inspections/inspection.http.module.js';
import { InstallationsHttpModule } from './installations/installations.http.module.js';
import { MonitoringHttpModule } from './monitoring/monitoring.http.module.js';
import { QueueAdminHttpModule } from './jobs/queue-admin.http.module.js';
import { HttpMetricsMiddleware } from './metrics/metrics.js';
import { MetricsHttpModule } from './metrics/metrics.http.module.js';
import { NotificationHttpModule } from './notifications/notification.http.module.js';
import { PlansHttpModule } from './plans/plans.http.module.js';
import { PortalHttpModule } from './portal/portal.http.module.js';
import { ResourcesHttpModule } from './resources/resources.http.module.js';
import { ResponseHttpModule } from './response/response.http.module.js';
import { SensitiveTargetsHttpModule } from './sensitive-targets/sensitive-targets.http.module.js';
import { WarningsHttpModule } from './warnings/warnings.http.module.js';
import { RoomLogModule } from './room-log/room-log.module.js';
import { RisksHttpModule } from './risks/risks.http.module.js';
import { RoomsHttpModule } from './rooms/rooms.http.module.js';
import { RollCallHttpModule } from './rollcall/rollcall.http.module.js';
import { resolveWebDist } from './web-dist.js';
import { ZoneHttpModule } from './zone/zone.http.module.js';
import { TrainingHttpModule } from './training/training.http.module.js';
import { EnforcementHttpModule } from './enforcement/enforcement.http.module.js';
import { ResponsibilityStatementsHttpModule } from './responsibility-statements/responsibility-statements.http.module.js';
import { SafetyFundsHttpModule } from './safety-funds/safety-funds.http.module.js';
import { CultureHttpModule } from './culture/culture.http.module.js';
import { SpotChecksHttpModule } from './spot-checks/spot-checks.http.module.js';
import { AccountabilityHttpModule } from './accountability/accountability.http.module.js';
import { WorkPlansHttpModule } from './work-plans/work-plans.http.module.js';
import { OrganisationHttpModule } from './organisation/organisation.http.module.js';

function webConsole(): DynamicModule[] {
  const rootPath = resolveWebDist(loadConfig().WEB_DIST);
  if (!rootPath || !existsSync(rootPath)) return [];
  return [
    ServeStaticModule.forRoot({
      rootPath,
      exclude: [
        '/api/{*path}',
        '/health',
        '/health/{*path}',
        '/metrics',
        '/webhooks/{*path}',
        '/ingest/{*path}',
        '/live/{*path}',
        '/cap/{*path}',
        '/public',
        '/public/{*path}',
      ],
    }),
  ];
}

@Module({})
export class AppModule implements NestModule {
  /**
   * The server: the core, the rooms broadcasting on its own sockets, and each domain's HTTP
   * module (which brings its core module). Built at call time, so tests can set the environment
   * first.
   */
  static register(): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule,
        IdentityModule,
        RoomLogModule.forServer(),
        IdentityHttpModule,
        AuditHttpModule,
        EnterpriseHttpModule,
        DirectoryHttpModule,
        ResourcesHttpModule,
        PlansHttpModule,
        CalloutsHttpModule,
        NotificationSmsHttpModule,
        ResponseHttpModule,
        IncidentHttpModule,
        RoomsHttpModule,
        ConsequencesHttpModule,
        RollCallHttpModule,
        NotificationHttpModule,
        FileHttpModule,
        HazardHttpModule,
        InspectionHttpModule,
        RisksHttpModule,
        DrillsHttpModule,
        DutyHttpModule,
        InstallationsHttpModule,
        MonitoringHttpModule,
        QueueAdminHttpModule,
        HealthHttpModule,
        MetricsHttpModule,
        ZoneHttpModule,
        SensitiveTargetsHttpModule,
        WarningsHttpModule,
        TrainingHttpModule,
        ResponsibilityStatementsHttpModule,
        SafetyFundsHttpModule,
        CultureHttpModule,
        SpotChecksHttpModule,
        AccountabilityHttpModule,
        WorkPlansHttpModule,
        OrganisationHttpModule,
        AssessmentsHttpModule,
        EnforcementHttpModule,
        CockpitHttpModule,
        PortalHttpModule,
        ...webConsole(),
      ],
      providers: [{ provide: APP_FILTER, useClass: HttpExceptionFilter }],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*path');
  }
}
