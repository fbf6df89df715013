package io.frmonitor.app;

import io.frmonitor.family.Catalog;
import io.frmonitor.family.SignalSamples;
import io.frmonitor.family.alerts.AlertsFamily;
import io.frmonitor.family.clients.ClientsFamily;
import io.frmonitor.family.decisions.DecisionsFamily;
import io.frmonitor.family.gateways.GatewaysFamily;
import io.frmonitor.family.gpu.GpuFamily;
import io.frmonitor.family.pipelines.PipelinesFamily;
import io.frmonitor.family.pipelines.ResultsFamily;
import io.frmonitor.family.queues.QueuesFamily;
import io.frmonitor.family.rabbitnodes.RabbitNodesFamily;
import io.frmonitor.family.redisserver.RedisServerFamily;
import io.frmonitor.family.storage.StorageFamily;
import io.frmonitor.family.system.SystemFamily;
import java.util.List;

/**
 * Every family the service knows, registered once, in the dashboard's card order. A new family is
 * one line here; its collector is one line in {@link Service}. docs/collectors.md walks through it.
 */
public final class Families {
  public static final Catalog CATALOG =
      new Catalog(
          List.of(
              AlertsFamily.SPEC,
              SystemFamily.SPEC,
              GpuFamily.SPEC,
              ClientsFamily.SPEC,
              PipelinesFamily.SPEC,
              ResultsFamily.SPEC,
              DecisionsFamily.SPEC,
              QueuesFamily.SPEC,
              GatewaysFamily.SPEC,
              StorageFamily.SPEC,
              RedisServerFamily.SPEC,
              RabbitNodesFamily.SPEC),
          List.of(new SignalSamples()));

  private Families() {}
}
