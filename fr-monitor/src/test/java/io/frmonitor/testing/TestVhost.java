package io.frmonitor.testing;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.net.URI;
import java.util.UUID;

/**
 * A throw-away vhost on the machine's RabbitMQ for one test: guest may do anything in it (to play
 * the fr-server), and a fresh user with the {@code monitoring} tag gets only the permissions the
 * test gives fr-monitor. {@link #close()} deletes both.
 */
public final class TestVhost implements AutoCloseable {
  public static final String PASSWORD = "it-password";

  private final String name = "fr-monitor-it-" + UUID.randomUUID();
  private final String user = "fr-monitor-it-" + UUID.randomUUID();
  private final Connection admin;

  private TestVhost(String configure, String write, String read) throws Exception {
    RabbitBroker.createVhost(name);
    RabbitBroker.put(
        "/api/users/" + RabbitBroker.enc(user),
        "{\"password\":\"" + PASSWORD + "\",\"tags\":\"monitoring\"}");
    RabbitBroker.put(
        "/api/permissions/" + RabbitBroker.enc(name) + "/" + RabbitBroker.enc(user),
        "{\"configure\":\""
            + json(configure)
            + "\",\"write\":\""
            + json(write)
            + "\",\"read\":\""
            + json(read)
            + "\"}");
    admin = connect("guest", "guest");
  }

  /** A vhost whose monitoring user has these permission regexes (configure, write, read). */
  public static TestVhost create(String configure, String write, String read) throws Exception {
    return new TestVhost(configure, write, read);
  }

  public String name() {
    return name;
  }

  public String user() {
    return user;
  }

  /** guest's connection to the vhost, playing the fr-server. */
  public Connection admin() {
    return admin;
  }

  /** The monitoring user's broker URL for fr-monitor's settings. */
  public URI amqpUri() {
    return URI.create(
        "amqp://" + user + ":" + PASSWORD + "@127.0.0.1:5672/" + RabbitBroker.enc(name));
  }

  /** The monitoring user's management API URL. */
  public URI managementUri() {
    return URI.create("http://" + user + ":" + PASSWORD + "@127.0.0.1:15672");
  }

  public Connection connect(String username, String password) throws Exception {
    ConnectionFactory f = new ConnectionFactory();
    f.setHost("127.0.0.1");
    f.setUsername(username);
    f.setPassword(password);
    f.setVirtualHost(name);
    return f.newConnection();
  }

  private static String json(String regex) {
    return regex.replace("\\", "\\\\");
  }

  @Override
  public void close() throws java.io.IOException {
    admin.close();
    try {
      RabbitBroker.delete("/api/vhosts/" + RabbitBroker.enc(name));
      RabbitBroker.delete("/api/users/" + RabbitBroker.enc(user));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
