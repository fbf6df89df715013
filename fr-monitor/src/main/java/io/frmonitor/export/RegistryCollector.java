package io.frmonitor.export;

import io.frmonitor.model.ActionsSnapshot;
import io.frmonitor.model.ClientFlag;
import io.frmonitor.model.ClientState;
import io.frmonitor.model.ClientsSnapshot;
import io.frmonitor.model.CollectorStatus;
import io.frmonitor.model.DiskUsage;
import io.frmonitor.model.Families;
import io.frmonitor.model.GatewaysSnapshot;
import io.frmonitor.model.GpuDevice;
import io.frmonitor.model.GpuSnapshot;
import io.frmonitor.model.Health;
import io.frmonitor.model.HostSnapshot;
import io.frmonitor.model.NetworkStats;
import io.frmonitor.model.PipelinesSnapshot;
import io.frmonitor.model.QueueStats;
import io.frmonitor.model.QueuesSnapshot;
import io.frmonitor.model.ResultsSnapshot;
import io.frmonitor.registry.Latest;
import io.frmonitor.registry.MetricRegistry;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Exposes the registry's latest values to Prometheus at scrape time. Stale families are left out
 * (Prometheus then sees them vanish, and {@code fr_collector_up} says why). Names and units are
 * documented in docs/metrics.md.
 *
 * <p>Thread safety: stateless; scrapes may run concurrently.
 */
final class RegistryCollector implements MultiCollector {
  private static final String[] LOAD_WINDOWS = {"1m", "5m", "15m"};

  private final MetricRegistry registry;

  RegistryCollector(MetricRegistry registry) {
    this.registry = registry;
  }

  @Override
  public MetricSnapshots collect() {
    SnapshotBuilder b = new SnapshotBuilder();
    fresh(registry.latest(Families.SYSTEM)).ifPresent(s -> host(b, s));
    fresh(registry.latest(Families.GPU)).ifPresent(s -> gpu(b, s));
    fresh(registry.latest(Families.CLIENTS)).ifPresent(s -> clients(b, s));
    fresh(registry.latest(Families.QUEUES)).ifPresent(s -> queues(b, s));
    fresh(registry.latest(Families.PIPELINES)).ifPresent(s -> pipelines(b, s));
    fresh(registry.latest(Families.RESULTS)).ifPresent(s -> results(b, s));
    fresh(registry.latest(Families.GATEWAYS)).ifPresent(s -> gateways(b, s));
    fresh(registry.latest(Families.ACTIONS)).ifPresent(s -> actions(b, s));
    registry
        .latest(Families.STORAGE)
        .ifPresent(l -> StorageMetrics.write(b, l.value(), !l.stale()));
    registry.statuses().values().forEach(s -> collector(b, s));
    b.gauge("fr_registry_series", "History series held in memory.", registry.allSeries().size());
    b.counter(
        "fr_registry_dropped_series",
        "Series refused because MONITORING_MAX_SERIES was reached.",
        registry.droppedSeries());
    b.counter(
        "fr_events_dropped",
        "Events dropped from the full event log.",
        registry.events().dropped());
    return b.build();
  }

  private static <T> Optional<T> fresh(Optional<Latest<T>> latest) {
    return latest.filter(l -> !l.stale()).map(Latest::value);
  }

  private static void host(SnapshotBuilder b, HostSnapshot s) {
    s.cpuPercent()
        .ifPresent(v -> b.gauge("fr_system_cpu_ratio", "Busy share of all CPUs (0-1).", v / 100));
    List<Double> cores = s.perCorePercent();
    for (int i = 0; i < cores.size(); i++) {
      b.gauge(
          "fr_system_cpu_core_ratio",
          "Busy share of one logical CPU (0-1).",
          cores.get(i) / 100,
          "core",
          Integer.toString(i));
    }
    for (int i = 0; i < s.loadAverage().size() && i < LOAD_WINDOWS.length; i++) {
      OptionalDouble load = s.loadAverage().get(i);
      String window = LOAD_WINDOWS[i];
      load.ifPresent(
          v -> b.gauge("fr_system_load_average", "System load average.", v, "window", window));
    }
    b.gauge("fr_system_logical_cpus", "Logical CPUs.", s.cpuCount());
    b.gauge("fr_system_memory_total_bytes", "Physical memory.", s.memTotalBytes());
    b.gauge(
        "fr_system_memory_used_bytes",
        "Physical memory in use (total minus available).",
        s.memUsedBytes());
    b.gauge("fr_system_swap_total_bytes", "Swap space.", s.swapTotalBytes());
    b.gauge("fr_system_swap_used_bytes", "Swap space in use.", s.swapUsedBytes());
    Set<String> devicesSeen = new HashSet<>();
    for (DiskUsage d : s.disks()) {
      filesystem(b, d);
      if (d.readBytesTotal() >= 0 && devicesSeen.add(d.device())) {
        b.counter(
            "fr_system_disk_read_bytes",
            "Bytes read from a block device.",
            d.readBytesTotal(),
            "device",
            d.device());
        b.counter(
            "fr_system_disk_written_bytes",
            "Bytes written to a block device.",
            d.writeBytesTotal(),
            "device",
            d.device());
      }
    }
    s.network().forEach(n -> network(b, n));
    b.gauge("fr_system_uptime_seconds", "Time since the host booted.", s.uptimeSeconds());
    b.gauge(
        "fr_monitor_uptime_seconds", "Time since fr-monitor started.", s.monitorUptimeSeconds());
  }

  private static void filesystem(SnapshotBuilder b, DiskUsage d) {
    b.gauge(
        "fr_system_filesystem_size_bytes",
        "Size of a mounted filesystem.",
        d.totalBytes(),
        "mount",
        d.mount(),
        "device",
        d.device());
    b.gauge(
        "fr_system_filesystem_used_bytes",
        "Bytes used on a mounted filesystem.",
        d.usedBytes(),
        "mount",
        d.mount(),
        "device",
        d.device());
    b.gauge(
        "fr_system_filesystem_used_ratio",
        "Used share of a filesystem as df computes it (0-1).",
        d.percent() / 100,
        "mount",
        d.mount(),
        "device",
        d.device());
  }

  private static void network(SnapshotBuilder b, NetworkStats n) {
    String[] l = {"interface", n.name()};
    b.counter("fr_system_network_receive_bytes", "Bytes received.", n.rxBytesTotal(), l);
    b.counter("fr_system_network_transmit_bytes", "Bytes sent.", n.txBytesTotal(), l);
    b.counter("fr_system_network_receive_errors", "Receive errors.", n.rxErrors(), l);
    b.counter("fr_system_network_transmit_errors", "Transmit errors.", n.txErrors(), l);
  }

  private static void gpu(SnapshotBuilder b, GpuSnapshot s) {
    for (GpuDevice d : s.devices()) {
      String gpu = Integer.toString(d.index());
      b.gauge(
          "fr_gpu_info",
          "GPU identity (always 1).",
          1,
          "gpu",
          gpu,
          "uuid",
          d.uuid(),
          "name",
          d.name());
      d.utilizationPercent()
          .ifPresent(
              v ->
                  b.gauge(
                      "fr_gpu_utilization_ratio", "GPU busy share (0-1).", v / 100, "gpu", gpu));
      d.memoryUsedBytes()
          .ifPresent(v -> b.gauge("fr_gpu_memory_used_bytes", "GPU memory used.", v, "gpu", gpu));
      d.memoryTotalBytes()
          .ifPresent(v -> b.gauge("fr_gpu_memory_total_bytes", "GPU memory.", v, "gpu", gpu));
      d.temperatureCelsius()
          .ifPresent(
              v -> b.gauge("fr_gpu_temperature_celsius", "GPU die temperature.", v, "gpu", gpu));
      d.powerWatts()
          .ifPresent(v -> b.gauge("fr_gpu_power_watts", "GPU power draw.", v, "gpu", gpu));
      d.powerLimitWatts()
          .ifPresent(
              v -> b.gauge("fr_gpu_power_limit_watts", "Enforced power limit.", v, "gpu", gpu));
      b.gauge(
          "fr_gpu_processes", "Compute processes on the GPU.", d.processes().size(), "gpu", gpu);
    }
  }

  private static void pipelines(SnapshotBuilder b, PipelinesSnapshot s) {
    for (PipelinesSnapshot.Routing r : s.routing()) {
      b.counter(
          "fr_frames",
          "Frames the pipelines manager routed to a pipeline (seen by the frame tap).",
          r.framesTotal(),
          "pipeline_id",
          Integer.toString(r.pipelineId()));
      r.hasWorker()
          .ifPresent(
              w ->
                  b.gauge(
                      "fr_pipeline_has_worker",
                      "1 when the pipeline a frame was routed to has a worker queue.",
                      w ? 1 : 0,
                      "pipeline_id",
                      Integer.toString(r.pipelineId())));
    }
    b.counter("fr_frame_bytes", "Bytes of the frames routed (JPEG sizes).", s.frameBytesTotal());
    b.counter(
        "fr_tap_malformed_messages",
        "Messages a tap could not decode; counted, acked and dropped.",
        s.malformed(),
        "tap",
        "frames");
    b.histogram(
        "fr_pipeline_latency_seconds",
        "Latency between pipeline stages, from the frames' own timestamps.",
        s.ingestToRoutingTotal(),
        "pipeline",
        "routing",
        "stage",
        "ingest_to_routing");
  }

  private static void results(SnapshotBuilder b, ResultsSnapshot s) {
    for (ResultsSnapshot.Pipeline p : s.pipelines()) {
      p.outcomes()
          .forEach(
              (outcome, n) ->
                  b.counter(
                      "fr_pipeline_results",
                      "Results by pipeline type and outcome (seen by the result tap).",
                      n,
                      "pipeline",
                      p.id(),
                      "outcome",
                      outcome));
      b.histogram(
          "fr_pipeline_latency_seconds",
          "Latency between pipeline stages, from the frames' own timestamps.",
          p.ingestToResultTotal(),
          "pipeline",
          p.id(),
          "stage",
          "ingest_to_result");
    }
    b.counter(
        "fr_tap_malformed_messages",
        "Messages a tap could not decode; counted, acked and dropped.",
        s.malformed(),
        "tap",
        "results");
  }

  private static void actions(SnapshotBuilder b, ActionsSnapshot s) {
    s.actions()
        .forEach(
            (action, reasons) ->
                reasons.forEach(
                    (reason, n) ->
                        b.counter(
                            "fr_actions",
                            "Decisions sent to clients, seen through the firehose.",
                            n,
                            "action",
                            action,
                            "reason",
                            reason)));
    b.counter(
        "fr_saved_actions", "saved_actions messages seen through the firehose.", s.savedActions());
  }

  private static void gateways(SnapshotBuilder b, GatewaysSnapshot s) {
    for (GatewaysSnapshot.Gateway g : s.gateways()) {
      String name = g.name();
      b.gauge(
          "fr_gateway_up",
          "1 while the gateway's heartbeats arrive.",
          g.up() ? 1 : 0,
          "gateway",
          name);
      g.clients()
          .ifPresent(
              v ->
                  b.gauge(
                      "fr_gateway_sessions",
                      "Clients connected, per the last heartbeat.",
                      v,
                      "gateway",
                      name));
      b.counter(
          "fr_gateway_session_events",
          "Sessions opened and closed.",
          g.sessionsOpened(),
          "gateway",
          name,
          "event",
          "opened");
      b.counter(
          "fr_gateway_session_events",
          "Sessions opened and closed.",
          g.sessionsClosed(),
          "gateway",
          name,
          "event",
          "closed");
      g.rejections()
          .forEach(
              (reason, n) ->
                  b.counter(
                      "fr_gateway_rejections",
                      "Frames or connections the gateway refused.",
                      n,
                      "gateway",
                      name,
                      "reason",
                      reason));
    }
    b.counter(
        "fr_tap_malformed_messages",
        "Messages a tap could not decode; counted, acked and dropped.",
        s.malformed(),
        "tap",
        "gateway_events");
  }

  private static void queues(SnapshotBuilder b, QueuesSnapshot s) {
    b.gauge(
        "fr_queues_truncated",
        "1 when more queues matched MONITORING_RMQ_QUEUES than MONITORING_RMQ_MAX_QUEUES.",
        s.truncated() ? 1 : 0);
    for (QueueStats q : s.queues()) {
      String name = q.name();
      b.gauge(
          "fr_queue_messages",
          "Messages in a queue, by state.",
          q.ready(),
          "queue",
          name,
          "state",
          "ready");
      q.unacked()
          .ifPresent(
              v ->
                  b.gauge(
                      "fr_queue_messages",
                      "Messages in a queue, by state.",
                      v,
                      "queue",
                      name,
                      "state",
                      "unacked"));
      b.gauge("fr_queue_consumers", "Consumers of a queue.", q.consumers(), "queue", name);
      rate(
          b,
          "fr_queue_publish_rate",
          "Messages published to a queue per second.",
          q.publishPerSec(),
          name);
      rate(
          b,
          "fr_queue_deliver_rate",
          "Messages delivered from a queue per second.",
          q.deliverPerSec(),
          name);
      rate(b, "fr_queue_ack_rate", "Messages acknowledged per second.", q.ackPerSec(), name);
      rate(
          b,
          "fr_queue_redeliver_rate",
          "Messages redelivered per second.",
          q.redeliverPerSec(),
          name);
      q.drainEtaSeconds()
          .ifPresent(
              v ->
                  b.gauge(
                      "fr_queue_drain_eta_seconds",
                      "Time to empty the queue at the current net ack rate.",
                      v,
                      "queue",
                      name));
    }
  }

  private static void rate(
      SnapshotBuilder b, String metric, String help, OptionalDouble value, String queue) {
    value.ifPresent(v -> b.gauge(metric, help, v, "queue", queue));
  }

  private static void clients(SnapshotBuilder b, ClientsSnapshot s) {
    for (ClientFlag f : ClientFlag.values()) {
      if (f != ClientFlag.TO_CLOSE) {
        b.gauge(
            "fr_gateway_clients",
            "Client names in a Clients_status list (a client may be in several).",
            s.count(f),
            "state",
            f.label());
      }
    }
    for (ClientState state : ClientState.values()) {
      if (state != ClientState.NONE) {
        b.gauge(
            "fr_clients_by_display_state",
            "Clients by display state (blocked > paused > active > internet_error > deactivated).",
            s.count(state),
            "state",
            state.label());
      }
    }
    b.gauge(
        "fr_client_anomalies",
        "Clients in a known inconsistent state.",
        s.anomalies().blockedAndActiveTotal(),
        "kind",
        "blocked_and_active");
    b.gauge(
        "fr_client_anomalies",
        "Clients in a known inconsistent state.",
        s.anomalies().activeAfterBlockTotal(),
        "kind",
        "active_after_block");
    s.transitions()
        .totals()
        .forEach(
            (from, tos) ->
                tos.forEach(
                    (to, n) ->
                        b.counter(
                            "fr_client_state_transitions",
                            "Client display-state changes seen since start.",
                            n,
                            "from",
                            from.label(),
                            "to",
                            to.label())));
    b.counter(
        "fr_client_state_events_suppressed",
        "State changes not written to the event log because one cycle had too many.",
        s.transitions().suppressed());
  }

  private static void collector(SnapshotBuilder b, CollectorStatus s) {
    String name = s.name();
    for (Health h : Health.values()) {
      b.gauge(
          "fr_collector_state",
          "1 for the collector's current state, 0 for the others.",
          s.health() == h ? 1 : 0,
          "collector",
          name,
          "state",
          h.label());
    }
    if (s.health() == Health.DISABLED) {
      return;
    }
    boolean up = s.health() == Health.OK || s.health() == Health.DEGRADED;
    b.gauge(
        "fr_collector_up",
        "1 when the collector's last run succeeded.",
        up ? 1 : 0,
        "collector",
        name);
    b.gauge(
        "fr_collector_consecutive_failures",
        "Failed runs in a row.",
        s.consecutiveFailures(),
        "collector",
        name);
    s.lastSuccess()
        .ifPresent(
            t ->
                b.gauge(
                    "fr_collector_last_success_timestamp_seconds",
                    "When the collector last succeeded.",
                    t.toEpochMilli() / 1000.0,
                    "collector",
                    name));
    b.counter("fr_collector_runs", "Runs finished.", s.runs(), "collector", name);
    b.counter(
        "fr_collector_skipped_runs",
        "Ticks skipped because the previous run was still going.",
        s.skippedRuns(),
        "collector",
        name);
    b.gauge(
        "fr_collector_last_run_duration_seconds",
        "Wall time of the last run.",
        s.lastRunDuration().toNanos() / 1e9,
        "collector",
        name);
  }
}
