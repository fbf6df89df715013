package io.frmonitor.model;

/** The metric families fr-monitor knows. */
public final class Families {
  public static final Family<HostSnapshot> SYSTEM = new Family<>("system", HostSnapshot.class);
  public static final Family<GpuSnapshot> GPU = new Family<>("gpu", GpuSnapshot.class);
  public static final Family<PipelinesSnapshot> PIPELINES =
      new Family<>("pipelines", PipelinesSnapshot.class);
  public static final Family<ActionsSnapshot> ACTIONS =
      new Family<>("actions", ActionsSnapshot.class);
  public static final Family<GatewaysSnapshot> GATEWAYS =
      new Family<>("gateways", GatewaysSnapshot.class);
  public static final Family<ResultsSnapshot> RESULTS =
      new Family<>("results", ResultsSnapshot.class);
  public static final Family<QueuesSnapshot> QUEUES = new Family<>("queues", QueuesSnapshot.class);
  public static final Family<ClientsSnapshot> CLIENTS =
      new Family<>("clients", ClientsSnapshot.class);

  public static final Family<StorageSnapshot> STORAGE =
      new Family<>("storage", StorageSnapshot.class);

  private Families() {}
}
