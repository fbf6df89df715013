package io.frmonitor.config;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The optional Redis that gets a copy of the history and the event log, in two streams of
 * fr-monitor's own ({@code MONITORING_PERSIST_REDIS_URL}, docs/persistence.md). fr-monitor touches
 * no other key there.
 *
 * @param username the ACL user; empty for the default user
 * @param serverName names the keys: {@code fr-monitor:<serverName>:history} and {@code :events}
 */
public record RedisStreamSettings(
    String host, int port, int database, String username, Secret password, String serverName) {
  private static final String PREFIX = "redis://";
  private static final Pattern URL =
      Pattern.compile(
          "redis://(?:(?<userinfo>\\S*)@)?(?<host>[A-Za-z0-9._\\-]{1,253}|\\[[0-9A-Fa-f:.]+\\])"
              + "(?::(?<port>\\d{1,5}))?(?:/(?<db>\\d{1,4})?)?");
  private static final int DEFAULT_PORT = 6379;

  /** The stream holding one entry per family and collection. */
  public String historyKey() {
    return "fr-monitor:" + serverName + ":history";
  }

  /** The stream holding one entry per event. */
  public String eventsKey() {
    return "fr-monitor:" + serverName + ":events";
  }

  /** {@code host:port/db}, for logs and status (no credentials). */
  public String where() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/" + database;
  }

  /** The URL with the password replaced by {@code ***}. */
  public String maskedUrl() {
    String user = username.isEmpty() && password.isEmpty() ? "" : username;
    String secret = password.isEmpty() ? "" : ":" + password.masked();
    String userInfo = user.isEmpty() && secret.isEmpty() ? "" : user + secret + "@";
    return PREFIX + userInfo + where();
  }

  /**
   * Reads {@code redis://[user[:password]@]host[:port][/db]}: port 6379 and database 0 when left
   * out; user and password may be percent-encoded ({@code %40} for {@code @}).
   *
   * @return empty when the URL does not fit
   */
  static Optional<RedisStreamSettings> parse(String url, String serverName) {
    Matcher m = URL.matcher(url);
    if (!m.matches()) {
      return Optional.empty();
    }
    int port = m.group("port") == null ? DEFAULT_PORT : Integer.parseInt(m.group("port"));
    int db = m.group("db") == null ? 0 : Integer.parseInt(m.group("db"));
    if (port < 1 || port > 65_535 || db > 1023) {
      return Optional.empty();
    }
    String host = m.group("host");
    host = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    String userInfo = m.group("userinfo") == null ? "" : m.group("userinfo");
    int colon = userInfo.indexOf(':');
    Optional<String> user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
    Optional<String> password = decode(colon < 0 ? "" : userInfo.substring(colon + 1));
    if (user.isEmpty() || password.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new RedisStreamSettings(
            host, port, db, user.get(), new Secret(password.get()), serverName));
  }

  /** Percent-decoding only ({@code +} stays a plus); empty when a {@code %} escape is broken. */
  private static Optional<String> decode(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] != '%') {
        out.write(bytes[i]);
        continue;
      }
      if (i + 2 >= bytes.length) {
        return Optional.empty();
      }
      int hi = Character.digit(bytes[i + 1], 16);
      int lo = Character.digit(bytes[i + 2], 16);
      if (hi < 0 || lo < 0) {
        return Optional.empty();
      }
      out.write(hi << 4 | lo);
      i += 2;
    }
    return Optional.of(out.toString(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "RedisStreamSettings[" + maskedUrl() + ", " + historyKey() + ", " + eventsKey() + "]";
  }
}
