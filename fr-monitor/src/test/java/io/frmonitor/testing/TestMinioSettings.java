package io.frmonitor.testing;

import io.frmonitor.config.MinioSettings;
import io.frmonitor.config.Secret;
import java.time.Duration;
import java.util.List;

/** MinIO settings for the storage tests: orphans after 10 minutes, listing every 10 seconds. */
public final class TestMinioSettings {
  private TestMinioSettings() {}

  /**
   * Settings for one server, in the region S3Proxy and MinIO default to.
   *
   * @param endpoint {@code host:port}, or {@link MinioSettings#OFF}
   * @param secretKey empty (with the access key) for none
   */
  public static MinioSettings of(
      String endpoint,
      String accessKey,
      String secretKey,
      List<String> buckets,
      List<String> prefixes) {
    return new MinioSettings(
        endpoint,
        new Secret(accessKey),
        new Secret(secretKey),
        false,
        "us-east-1",
        buckets,
        prefixes,
        Duration.ofMinutes(10),
        Duration.ofSeconds(10),
        100_000);
  }
}
