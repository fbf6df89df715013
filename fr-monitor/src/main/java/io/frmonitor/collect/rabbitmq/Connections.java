package io.frmonitor.collect.rabbitmq;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.frmonitor.collect.Failures;
import io.frmonitor.config.RabbitSettings;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/** The connection settings every fr-monitor connection to the broker uses. */
final class Connections {
  private Connections() {}

  /**
   * A connection named {@code fr-monitor}, delivering on {@code dispatch} when one is given.
   *
   * @throws IOException when the broker cannot be reached or refuses the login; the message names
   *     the broker (never the password) and the kind of failure
   */
  static Connection open(
      ConnectionFactory factory, RabbitSettings settings, @Nullable ExecutorService dispatch)
      throws IOException {
    try {
      return dispatch == null
          ? factory.newConnection("fr-monitor")
          : factory.newConnection(dispatch, "fr-monitor");
    } catch (IOException | TimeoutException e) {
      throw new IOException(
          "RabbitMQ at " + where(settings) + " unreachable: " + Failures.describe(e), e);
    }
  }

  /** {@code host:port/vhost}, without credentials. */
  static String where(RabbitSettings settings) {
    URI url = settings.url();
    int port = url.getPort() > 0 ? url.getPort() : 5672;
    return url.getHost() + ":" + port + " (vhost " + settings.vhost() + ")";
  }

  /** Automatic recovery (connection, queues, bindings, consumers), timeouts, the vhost. */
  static ConnectionFactory factory(RabbitSettings settings, Duration timeout) {
    ConnectionFactory factory = new ConnectionFactory();
    try {
      factory.setUri(settings.url());
    } catch (java.net.URISyntaxException
        | java.security.NoSuchAlgorithmException
        | java.security.KeyManagementException e) {
      throw new IllegalArgumentException("MONITORING_RMQ_URL: " + e.getMessage(), e);
    }
    factory.setVirtualHost(settings.vhost());
    factory.setConnectionTimeout((int) timeout.toMillis());
    factory.setHandshakeTimeout((int) timeout.toMillis());
    factory.setAutomaticRecoveryEnabled(true);
    factory.setTopologyRecoveryEnabled(true);
    factory.setNetworkRecoveryInterval(2000);
    return factory;
  }
}
