package io.frmonitor.collect.rabbitmq;

import io.frmonitor.codec.PayloadDecoder;
import io.frmonitor.collect.PollOutcome;
import io.frmonitor.collect.Poller;
import io.frmonitor.config.RabbitSettings;
import io.frmonitor.model.Family;
import io.frmonitor.model.RabbitNodesSnapshot;
import io.frmonitor.registry.MetricSink;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

/**
 * The broker's node health ({@code rabbitmq_nodes}): one {@code GET /api/nodes} per interval from
 * the management API, published as the {@code rabbitmq_nodes} family. A memory or disk alarm blocks
 * every publisher of the fr-server — frames, results, actions — so this is what says why the whole
 * system stopped. Read-only; the {@code monitoring} tag suffices.
 *
 * <p>Thread safety: confined to its runner's thread.
 */
public final class NodesPoller implements Poller {
  private static final String PATH =
      "/api/nodes?columns=" + URLEncoder.encode(NodesParser.COLUMNS, StandardCharsets.UTF_8);

  private final ManagementApi api;

  NodesPoller(ManagementApi api) {
    this.api = api;
  }

  public static NodesPoller create(
      RabbitSettings settings, PayloadDecoder decoder, Duration timeout) {
    return new NodesPoller(new ManagementApi(settings, decoder, timeout));
  }

  @Override
  public String name() {
    return "rabbitmq_nodes";
  }

  @Override
  public Set<Family<?>> families() {
    return Set.of(RabbitNodesSnapshot.FAMILY);
  }

  @Override
  public PollOutcome poll(MetricSink sink) throws Exception {
    sink.publish(RabbitNodesSnapshot.FAMILY, NodesParser.parse(api.get(PATH)));
    return PollOutcome.ok();
  }
}
