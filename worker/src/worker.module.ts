import { Module } from '@nestjs/common';
import { CoreModule } from '@muster/server/core.module.js';
import { AssessmentRemindersModule } from '@muster/server/assessments/assessment-reminders.module.js';
import { CalloutsModule } from '@muster/server/callouts/callouts.module.js';
import { DrillsModule } from '@muster/server/drills/drills.module.js';
import { EnforcementJobsModule } from '@muster/server/enforcement/enforcement.module.js';
import { DutyModule } from '@muster/server/duty/duty.module.js';
import { HazardJobsModule } from '@muster/server/hazards/hazard.module.js';
import { InspectionJobsModule } from '@muster/server/inspections/inspection-jobs.module.js';
import { JobWorkerModule } from '@muster/server/jobs/job-worker.module.js';
import { MonitoringIngestModule } from '@muster/server/monitoring/monitoring-ingest.module.js';
import { ReminderJobsModule } from '@muster/server/reminders/reminders.module.js';
import { ResourcesModule } from '@muster/server/resources/resources.module.js';
import { RiskJobsModule } from '@muster/server/risks/risks.module.js';
import { RoomLogModule } from '@muster/server/room-log/room-log.module.js';
import { TrainingModule } from '@muster/server/training/training.module.js';
import { AccountabilityRemindersModule } from '@muster/server/accountability/accountability.module.js';
import { WorkPlansModule } from '@muster/server/work-plans/work-plans.module.js';
import { OrganisationModule } from '@muster/server/organisation/organisation.module.js';
import { ResponsibilityStatementsModule } from '@muster/server/responsibility-statements/responsibility-statements.module.js';

/**
 * The worker: the core and the domain cores whose jobs it runs, without any HTTP module. Its
 * room events reach the server's sockets through the Redis emitter (RoomLogModule as imported).
 */
@Module({
  imports: [
    CoreModule,
    RoomLogModule,
    HazardJobsModule,
    InspectionJobsModule,
    CalloutsModule,
    DrillsModule,
    DutyModule,
    // Sensor readings over MQTT, and the readings' partitions (docs/architecture.md).
    MonitoringIngestModule,
    // Every module with a reminder source, so the scan knows all the deadlines.
    ResourcesModule,
    RiskJobsModule,
    TrainingModule,
    AssessmentRemindersModule,
    AccountabilityRemindersModule,
    WorkPlansModule,
    EnforcementJobsModule,
    OrganisationModule,
    ResponsibilityStatementsModule,
    ReminderJobsModule,
    JobWorkerModule,
  ],
})
export class WorkerModule {}
