package io.frmonitor.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.frmonitor.app.Families;
import io.frmonitor.config.ApiAccess;
import io.frmonitor.config.HttpSettings;
import io.frmonitor.config.Secret;
import io.frmonitor.export.PrometheusBridge;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.testing.ManualClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tokens, public paths and CORS over real HTTP. */
class AccessControlTest {
  private static final String TOKEN = "api-token-0123456789";
  private static final String SCRAPE = "scrape-token-0123456789";
  private static final String GUI = "http://gui.example:3000";

  private final HttpClient client = HttpClient.newHttpClient();
  private final MetricRegistry registry =
      new MetricRegistry(
          new ManualClock(), Duration.ofMinutes(60), 720, 1000, 100, Duration.ofSeconds(18));
  private ApiServer server;

  @AfterEach
  void stop() {
    server.close();
  }

  private void start(ApiAccess access) {
    server =
        new ApiServer(
                new HttpSettings("127.0.0.1", 0, access),
                "S1",
                Families.CATALOG,
                registry,
                () -> true,
                Optional.of(new PrometheusBridge(Families.CATALOG, registry, "S1")))
            .start();
  }

  private void startProtected() {
    start(new ApiAccess(new Secret(TOKEN), new Secret(SCRAPE), List.of(GUI)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
  }

  @Test
  void withoutATokenEveryDataEndpointIs401WithAReason() throws Exception {
    startProtected();
    for (String path :
        List.of("/metrics/system", "/metrics/clients", "/history", "/metrics/actions", "/nope")) {
      HttpResponse<String> r = send(get(path));
      assertThat(r.statusCode()).as(path).isEqualTo(401);
      assertThat(r.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
      JsonNode body = Json.MAPPER.readTree(r.body());
      assertThat(body.path("error").asText()).isEqualTo("unauthorized");
      assertThat(body.path("message").asText()).contains("Authorization: Bearer");
    }
  }

  @Test
  void theRightTokenIsAcceptedAndAWrongOneRefused() throws Exception {
    startProtected();
    assertThat(send(get("/metrics/system").header("Authorization", "Bearer " + TOKEN)).statusCode())
        .isEqualTo(200);
    assertThat(send(get("/metrics/system").header("Authorization", "bearer " + TOKEN)).statusCode())
        .as("the scheme is case-insensitive")
        .isEqualTo(200);
    HttpResponse<String> wrong =
        send(get("/metrics/system").header("Authorization", "Bearer " + TOKEN + "x"));
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("not valid").doesNotContain(TOKEN);
    assertThat(send(get("/metrics/system?token=" + TOKEN)).statusCode())
        .as("the query parameter is for the WebSocket only")
        .isEqualTo(401);
  }

  @Test
  void probesTheDashboardShellTheDocsAndTheRunbooksArePublic() throws Exception {
    startProtected();
    for (String path :
        List.of(
            "/healthz",
            "/readyz",
            "/",
            "/ui/app.js",
            "/ui/uPlot.iife.min.js",
            "/openapi.json",
            "/docs",
            "/runbooks")) {
      assertThat(send(get(path)).statusCode()).as(path).isEqualTo(200);
    }
  }

  @Test
  void prometheusHasItsOwnToken() throws Exception {
    startProtected();
    assertThat(send(get("/prometheus").header("Authorization", "Bearer " + SCRAPE)).statusCode())
        .isEqualTo(200);
    assertThat(send(get("/prometheus").header("Authorization", "Bearer " + TOKEN)).statusCode())
        .isEqualTo(401);
  }

  @Test
  void prometheusFallsBackToTheApiToken() throws Exception {
    start(new ApiAccess(new Secret(TOKEN), new Secret(""), List.of()));
    assertThat(send(get("/prometheus").header("Authorization", "Bearer " + TOKEN)).statusCode())
        .isEqualTo(200);
    assertThat(send(get("/prometheus")).statusCode()).isEqualTo(401);
  }

  @Test
  void anAllowedOriginGetsCorsHeadersAndItsPreflightAnswered() throws Exception {
    startProtected();
    HttpResponse<String> preflight =
        send(
            get("/metrics/system")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", GUI)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization"));
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(GUI);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
        .hasValueSatisfying(h -> assertThat(h).contains("Authorization"));

    HttpResponse<String> actual =
        send(
            get("/metrics/system")
                .header("Origin", GUI)
                .header("Authorization", "Bearer " + TOKEN));
    assertThat(actual.headers().firstValue("Access-Control-Allow-Origin")).hasValue(GUI);
  }

  @Test
  void anotherOriginGetsNoCorsHeaders() throws Exception {
    startProtected();
    HttpResponse<String> r =
        send(
            get("/metrics/system")
                .header("Origin", "http://evil.example")
                .header("Authorization", "Bearer " + TOKEN));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void withoutConfigurationEverythingIsOpenAndNoOriginIsAllowed() throws Exception {
    start(ApiAccess.OPEN);
    HttpResponse<String> r = send(get("/metrics/system").header("Origin", GUI));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void theRootIsTheDashboardForABrowserAndTheIndexOtherwise() throws Exception {
    startProtected();
    HttpResponse<String> page = send(get("/").header("Accept", "text/html,application/xhtml+xml"));
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.body()).contains("data-token-required=\"true\"").contains("/ui/app.js");

    assertThat(Json.MAPPER.readTree(send(get("/")).body()).path("endpoints").toString())
        .contains("/ws/metrics");
    assertThat(send(get("/ui/nope.js")).statusCode()).isEqualTo(404);
  }
}
