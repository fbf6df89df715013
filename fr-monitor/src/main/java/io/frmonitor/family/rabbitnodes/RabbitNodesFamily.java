package io.frmonitor.family.rabbitnodes;

import static io.frmonitor.family.Card.column;

import io.frmonitor.family.Card;
import io.frmonitor.family.Card.Format;
import io.frmonitor.family.FamilySpec;
import io.frmonitor.family.Points;
import io.frmonitor.family.Rest;
import io.frmonitor.family.SampleSource;
import io.frmonitor.model.RabbitNodesSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** The RabbitMQ broker's nodes: alarms, memory, disk, descriptors ({@code rabbitmq_nodes}). */
public final class RabbitNodesFamily {
  public static final FamilySpec<RabbitNodesSnapshot> SPEC =
      FamilySpec.of(RabbitNodesSnapshot.FAMILY, "RabbitMQ nodes")
          .rest(
              Rest.of(
                  RabbitNodesDto.class,
                  registry -> RabbitNodesDto.of(registry.latest(RabbitNodesSnapshot.FAMILY)),
                  "The broker's nodes: memory and disk alarms, resource use against limits",
                  "From the management API's /api/nodes once per poll interval (the monitoring"
                      + " tag suffices). A memory or disk alarm blocks every publisher of the"
                      + " fr-server; file descriptors and processes running out refuse"
                      + " connections."))
          .example(example())
          .samples(RabbitNodesSamples.METRICS, SampleSource.whenFresh(RabbitNodesSamples::write))
          .series(RabbitNodesFamily::series)
          .card(
              Card.generic()
                  .tile("Running", "running", Format.INTEGER)
                  .tile("Alarmed", "alarmed", Format.INTEGER)
                  .table(
                      "nodes",
                      "The management API lists no node.",
                      column("node", "name", Format.TEXT),
                      column("status", "status", Format.STATUS),
                      column("alarms", "alarms", Format.TEXT),
                      column("memory", "memory_used_bytes", Format.BYTES),
                      column("of watermark", "memory_percent", Format.PERCENT),
                      column("disk free", "disk_free_bytes", Format.BYTES),
                      column("file descriptors", "fd_used", Format.INTEGER),
                      column("processes", "processes_used", Format.INTEGER),
                      column("uptime", "uptime_seconds", Format.SECONDS))
                  .build())
          .build();

  private RabbitNodesFamily() {}

  static Map<String, Double> series(RabbitNodesSnapshot s) {
    Points p = new Points(RabbitNodesSnapshot.FAMILY);
    for (RabbitNodesSnapshot.Node n : s.nodes()) {
      p.put("memory_used_bytes", n.name(), n.memoryUsedBytes());
      p.put("disk_free_bytes", n.name(), n.diskFreeBytes());
      p.put("fd_used", n.name(), n.fdUsed());
      p.put("alarmed", n.name(), n.alarmed() ? 1 : 0);
    }
    return p.map();
  }

  /** One healthy node, as the fr-server's rabbitmq:4-management image reports it. */
  static RabbitNodesSnapshot example() {
    return new RabbitNodesSnapshot(
        List.of(
            new RabbitNodesSnapshot.Node(
                "rabbit@rmq_Server",
                true,
                OptionalLong.of(140_738_560),
                OptionalLong.of(10_110_425_497L),
                Optional.of(false),
                OptionalLong.of(84_347_457_536L),
                OptionalLong.of(50_000_000),
                Optional.of(false),
                OptionalLong.of(37),
                OptionalLong.of(1_048_576),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.of(356),
                OptionalLong.of(1_048_576),
                OptionalLong.of(2_040),
                List.of())));
  }
}
