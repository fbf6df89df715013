package io.frmonitor.config;

import java.net.URI;

/** The fr-server's RabbitMQ broker. The URL may carry credentials; print {@link #maskedUrl()}. */
public record RabbitSettings(URI url) {
  /** The URL with any password replaced by {@code ***}. */
  public String maskedUrl() {
    String userInfo = url.getRawUserInfo();
    if (userInfo == null || !userInfo.contains(":")) {
      return url.toString();
    }
    String user = userInfo.substring(0, userInfo.indexOf(':'));
    return url.toString().replace(userInfo + "@", user + ":***@");
  }

  @Override
  public String toString() {
    return "RabbitSettings[url=" + maskedUrl() + "]";
  }
}
