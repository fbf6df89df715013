package io.frmonitor.collect.rabbitmq;

import io.frmonitor.codec.DecodeResult;
import io.frmonitor.codec.PayloadDecoder;
import io.frmonitor.collect.Failures;
import io.frmonitor.config.RabbitSettings;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET} requests to the RabbitMQ management API ({@code MONITORING_RMQ_MANAGEMENT_URL}, with
 * the credentials in its user part), the JSON answers decoded by the codec. There is no other
 * method: what uses it can only read.
 *
 * <p>Thread safety: safe for use by one thread at a time.
 */
final class ManagementApi {
  private final HttpClient http;
  private final String root;
  private final @Nullable String authorization;
  private final PayloadDecoder decoder;
  private final Duration timeout;

  ManagementApi(RabbitSettings settings, PayloadDecoder decoder, Duration timeout) {
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
    String path = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
    this.root = base.getScheme() + "://" + base.getHost() + ":" + base.getPort() + path;
  }

  /** Where the API is, without credentials: {@code http://host:15672}. */
  String describe() {
    return root;
  }

  /**
   * The decoded JSON answer to {@code GET <root><pathAndQuery>}.
   *
   * @throws IOException when the API cannot be reached (the reason names the kind of failure and
   *     the endpoint), answers other than 200, or sends something that is not JSON
   */
  Object get(String pathAndQuery) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(root + pathAndQuery)).timeout(timeout).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<byte[]> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IOException("management API " + root + " unreachable: " + Failures.describe(e), e);
    }
    if (response.statusCode() != 200) {
      throw new IOException(
          "management API "
              + root
              + " answered "
              + response.statusCode()
              + (response.statusCode() == 401 ? " (check the credentials)" : ""));
    }
    DecodeResult decoded = decoder.decode(response.body());
    if (decoded instanceof DecodeResult.Failed f) {
      throw new IOException(
          "management API " + root + " sent something undecodable: " + f.detail());
    }
    return ((DecodeResult.Decoded) decoded).value();
  }
}
