package io.frmonitor.collect.rabbitmq;

import com.rabbitmq.client.ConnectionFactory;
import io.frmonitor.config.RabbitSettings;
import java.time.Duration;

/** The connection settings every fr-monitor connection to the broker uses. */
final class Connections {
  private Connections() {}

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
