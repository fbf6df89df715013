package io.frmonitor.collect.rabbitmq;

import io.frmonitor.codec.PayloadDecoder;
import io.frmonitor.config.RabbitSettings;
import io.frmonitor.model.QueuesSnapshot;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Queue statistics from the RabbitMQ management API: one {@code GET /api/queues/<vhost>} per cycle,
 * filtered on the broker by the queue patterns and capped by paging, with only the columns needed
 * (depths, consumers, rates and the cumulative counters), and one {@code GET /api/vhosts/<vhost>}
 * for whether the broker traces the vhost. Read-only: a user with the {@code monitoring} tag and no
 * queue permissions suffices.
 *
 * <p>Thread safety: used by one poller thread.
 */
final class ManagementApiSource {
  private static final String COLUMNS =
      "name,messages_ready,messages_unacknowledged,consumers,"
          + "message_stats.publish,message_stats.publish_details.rate,"
          + "message_stats.deliver_get,message_stats.deliver_get_details.rate,"
          + "message_stats.ack,message_stats.ack_details.rate,"
          + "message_stats.redeliver,message_stats.redeliver_details.rate";

  private final ManagementApi api;
  private final String queuesPath;
  private final VhostTracing tracing;

  ManagementApiSource(
      RabbitSettings settings, QueuePatterns patterns, PayloadDecoder decoder, Duration timeout) {
    this.api = new ManagementApi(settings, decoder, timeout);
    this.tracing = new VhostTracing(api, settings);
    this.queuesPath =
        "/api/queues/"
            + encode(settings.vhost())
            + "?page=1&page_size="
            + settings.maxQueues()
            + "&use_regex=true&name="
            + encode(patterns.regex())
            + "&columns="
            + encode(COLUMNS);
  }

  /**
   * This cycle's statistics.
   *
   * @throws IOException when the API cannot be reached or answers something else than a page of
   *     queues; the message names the endpoint and the kind of failure
   */
  QueuesSnapshot read() throws IOException, InterruptedException {
    Object page = api.get(queuesPath);
    QueuesSnapshot snapshot;
    try {
      snapshot = QueueStatsParser.parse(page);
    } catch (IllegalArgumentException e) {
      throw new IOException("management API " + api.describe() + ": " + e.getMessage(), e);
    }
    return snapshot.withTracing(tracing.read());
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
