package io.frmonitor.collect.storage;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The few read-only S3 calls the storage collector needs — list buckets, list one page of objects —
 * signed with {@link SigV4}, path-style (what MinIO and S3Proxy serve). There is no method that
 * writes: the client cannot change the storage it watches.
 */
final class S3Client {
  private final HttpClient http;
  private final URI endpoint;
  private final SigV4 signer;
  private final Duration timeout;
  private final Clock clock;

  /**
   * @param endpoint the server's base URI, such as {@code http://minio:9000}
   */
  S3Client(HttpClient http, URI endpoint, SigV4 signer, Duration timeout, Clock clock) {
    this.http = http;
    this.endpoint = endpoint;
    this.signer = signer;
    this.timeout = timeout;
    this.clock = clock;
  }

  List<String> listBuckets() throws IOException, S3Exception, InterruptedException {
    return S3Xml.bucketNames(get("/", "", "list buckets"));
  }

  /**
   * One page (at most {@code maxKeys} objects, in key order) of the objects under {@code prefix}.
   *
   * @param continuationToken null for the first page, else the previous page's {@link
   *     ObjectPage#nextToken()}
   */
  ObjectPage listObjects(
      String bucket, String prefix, @Nullable String continuationToken, int maxKeys)
      throws IOException, S3Exception, InterruptedException {
    // Parameters in canonical (sorted) order, values encoded the S3 way: what SigV4 signs.
    StringBuilder query = new StringBuilder();
    if (continuationToken != null) {
      query.append("continuation-token=").append(encode(continuationToken)).append('&');
    }
    query.append("list-type=2&max-keys=").append(maxKeys).append("&prefix=").append(encode(prefix));
    return S3Xml.objectPage(
        get("/" + encode(bucket), query.toString(), "list " + bucket + "/" + prefix));
  }

  private byte[] get(String path, String query, String what)
      throws IOException, S3Exception, InterruptedException {
    URI uri = URI.create(endpoint + path + (query.isEmpty() ? "" : "?" + query));
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
    signer.sign(uri, clock.instant()).forEach(request::header);
    HttpResponse<byte[]> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() / 100 != 2) {
      String code = S3Xml.errorCode(response.body());
      throw new S3Exception(
          what + ": HTTP " + response.statusCode() + (code.isEmpty() ? "" : " " + code),
          response.statusCode(),
          code);
    }
    return response.body();
  }

  /** RFC 3986 percent-encoding of everything but the unreserved characters, as S3 expects. */
  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("*", "%2A")
        .replace("%7E", "~");
  }
}
