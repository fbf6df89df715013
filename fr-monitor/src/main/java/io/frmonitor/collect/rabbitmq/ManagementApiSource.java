package io.frmonitor.collect.rabbitmq;

import io.frmonitor.codec.DecodeResult;
import io.frmonitor.codec.PayloadDecoder;
import io.frmonitor.config.RabbitSettings;
import io.frmonitor.model.QueuesSnapshot;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * Queue statistics from the RabbitMQ management API: one {@code GET /api/queues/<vhost>} per cycle,
 * filtered on the broker by the queue patterns and capped by paging, with only the columns needed.
 * Read-only: a user with the {@code monitoring} tag and no queue permissions suffices.
 *
 * <p>Thread safety: used by one poller thread.
 */
final class ManagementApiSource {
  private static final String COLUMNS =
      "name,messages_ready,messages_unacknowledged,consumers,"
          + "message_stats.publish_details.rate,message_stats.deliver_get_details.rate,"
          + "message_stats.ack_details.rate,message_stats.redeliver_details.rate";

  private final HttpClient http;
  private final URI queuesUri;
  private final @Nullable String authorization;
  private final PayloadDecoder decoder;
  private final Duration timeout;

  ManagementApiSource(
      RabbitSettings settings, QueuePatterns patterns, PayloadDecoder decoder, Duration timeout) {
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    this.decoder = decoder;
    this.timeout = timeout;
    URI base = settings.managementUrl();
    String userInfo = base.getRawUserInfo();
    this.authorization =
        userInfo == null
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        URLDecoder.decode(userInfo, StandardCharsets.UTF_8)
                            .getBytes(StandardCharsets.UTF_8));
    String root = base.getScheme() + "://" + base.getHost() + ":" + base.getPort();
    String path = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
    this.queuesUri =
        URI.create(
            root
                + path
                + "/api/queues/"
                + encode(settings.vhost())
                + "?page=1&page_size="
                + settings.maxQueues()
                + "&use_regex=true&name="
                + encode(patterns.regex())
                + "&columns="
                + encode(COLUMNS));
  }

  /** Where statistics come from, without credentials. */
  String describe() {
    return queuesUri.getScheme() + "://" + queuesUri.getHost() + ":" + queuesUri.getPort();
  }

  QueuesSnapshot read() throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(queuesUri).timeout(timeout).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<byte[]> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IOException(
          "management API answered "
              + response.statusCode()
              + " for "
              + describe()
              + (response.statusCode() == 401 ? " (check the credentials)" : ""));
    }
    DecodeResult decoded = decoder.decode(response.body());
    if (decoded instanceof DecodeResult.Failed f) {
      throw new IOException("management API response undecodable: " + f.detail());
    }
    return QueueStatsParser.parse(((DecodeResult.Decoded) decoded).value());
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
