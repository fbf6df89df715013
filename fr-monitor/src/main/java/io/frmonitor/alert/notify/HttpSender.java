package io.frmonitor.alert.notify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * POSTs one JSON body to one endpoint and says how it went; never throws but for interruption.
 *
 * <p>Any 2xx is {@link Attempt.Result#SENT}; 429, 5xx, timeouts and I/O errors are worth a retry;
 * any other status (4xx, a redirect) is not. At most the first {@value #ERROR_BODY_CHARS}
 * characters of an error response's body are kept, to quote in the error. Thread safety: safe for
 * use by several threads (the JDK client is), used by one delivery thread.
 */
final class HttpSender {
  static final int ERROR_BODY_CHARS = 200;

  private final Endpoint endpoint;
  private final HttpClient client;
  private final Duration requestTimeout;
  private final Duration overallTimeout;

  HttpSender(Endpoint endpoint, DeliveryPolicy policy) {
    this.endpoint = endpoint;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(policy.connectTimeout())
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.requestTimeout = policy.requestTimeout();
    this.overallTimeout = policy.connectTimeout().plus(policy.requestTimeout());
  }

  /** The outcome of one attempt. */
  record Attempt(Result result, String error) {
    enum Result {
      SENT,
      RETRY,
      GIVE_UP
    }
  }

  /** Posts {@code json}; an interrupt cancels the request and is thrown. */
  Attempt post(String json) throws InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint.target())
            .timeout(requestTimeout)
            .header("Content-Type", "application/json")
            .header("User-Agent", "fr-monitor")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    endpoint.authorization().ifPresent(a -> request.header("Authorization", a));
    CompletableFuture<HttpResponse<String>> response =
        client.sendAsync(request.build(), info -> new Head());
    try {
      HttpResponse<String> r = response.get(overallTimeout.toMillis(), TimeUnit.MILLISECONDS);
      return classify(r.statusCode(), r.body());
    } catch (InterruptedException e) {
      response.cancel(true);
      throw e;
    } catch (TimeoutException e) {
      response.cancel(true);
      return failure(true, "timed out after " + overallTimeout.toSeconds() + " s");
    } catch (ExecutionException e) {
      return failure(true, describe(e.getCause() == null ? e : e.getCause()));
    }
  }

  private Attempt classify(int status, String body) {
    if (status / 100 == 2) {
      return new Attempt(Attempt.Result.SENT, "");
    }
    String quoted = body.isBlank() ? "" : ": " + body.strip();
    return failure(status == 429 || status / 100 == 5, "HTTP " + status + quoted);
  }

  private Attempt failure(boolean retry, String reason) {
    return new Attempt(
        retry ? Attempt.Result.RETRY : Attempt.Result.GIVE_UP,
        endpoint.hostAndPort() + ": " + reason);
  }

  static String describe(Throwable e) {
    if (e instanceof HttpConnectTimeoutException) {
      return "connect timed out";
    }
    if (e instanceof HttpTimeoutException) {
      return "timed out";
    }
    if (causedBy(e, UnresolvedAddressException.class)) {
      return "cannot connect: unknown host";
    }
    if (e instanceof ConnectException && causedBy(e, ClosedChannelException.class)) {
      return "cannot connect: connection refused"; // how the JDK's client reports it on Linux
    }
    String message = firstMessage(e);
    if (e instanceof ConnectException) {
      return "cannot connect: " + message;
    }
    String kind = e instanceof IOException ? "I/O error" : e.getClass().getSimpleName();
    return kind + ": " + message;
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> kind) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (kind.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String firstMessage(Throwable e) {
    Throwable last = e;
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (message != null && !message.isBlank()) {
        return message;
      }
      last = t;
    }
    return last.getClass().getSimpleName();
  }

  /** Keeps the first {@value #ERROR_BODY_CHARS} characters of a body and discards the rest. */
  private static final class Head implements HttpResponse.BodySubscriber<String> {
    private static final int LIMIT_BYTES = ERROR_BODY_CHARS * 4;
    private final CompletableFuture<String> result = new CompletableFuture<>();
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();

    @Override
    public CompletionStage<String> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer b : buffers) {
        int n = Math.min(b.remaining(), LIMIT_BYTES - head.size());
        if (n > 0) {
          byte[] bytes = new byte[n];
          b.get(bytes);
          head.write(bytes, 0, n);
        }
      }
    }

    @Override
    public void onError(Throwable error) {
      result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      String text = head.toString(StandardCharsets.UTF_8);
      result.complete(
          text.length() > ERROR_BODY_CHARS ? text.substring(0, ERROR_BODY_CHARS) : text);
    }
  }
}
