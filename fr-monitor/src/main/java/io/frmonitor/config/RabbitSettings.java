package io.frmonitor.config;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The fr-server's RabbitMQ broker. URLs may carry credentials; print {@link #maskedUrl()}.
 *
 * @param managementUrl the management API, with credentials in its user info
 * @param queuePatterns queue names and globs whose statistics are collected
 * @param maxQueues most queues reported per cycle
 * @param pipelines routing keys {@code PipeLine_0} .. {@code PipeLine_<pipelines-1>} are tapped
 * @param heartbeatTimeout a gateway without a heartbeat for this long is down
 * @param firehose whether to tap {@code amq.rabbitmq.trace}
 */
public record RabbitSettings(
    URI url,
    URI managementUrl,
    List<String> queuePatterns,
    int maxQueues,
    int pipelines,
    java.time.Duration heartbeatTimeout,
    Toggle firehose) {
  public RabbitSettings {
    queuePatterns = List.copyOf(queuePatterns);
  }

  /** The virtual host named by the URL's path ({@code /} when the path is empty or "/"). */
  public String vhost() {
    String path = url.getRawPath();
    if (path == null || path.isEmpty() || path.equals("/")) {
      return "/";
    }
    return URLDecoder.decode(path.substring(1), StandardCharsets.UTF_8);
  }

  /** The broker URL with any password replaced by {@code ***}. */
  public String maskedUrl() {
    return mask(url);
  }

  public String maskedManagementUrl() {
    return mask(managementUrl);
  }

  static String mask(URI uri) {
    String userInfo = uri.getRawUserInfo();
    if (userInfo == null || !userInfo.contains(":")) {
      return uri.toString();
    }
    String user = userInfo.substring(0, userInfo.indexOf(':'));
    return uri.toString().replace(userInfo + "@", user + ":***@");
  }

  @Override
  public String toString() {
    return "RabbitSettings[url=" + maskedUrl() + ", managementUrl=" + maskedManagementUrl() + "]";
  }
}
