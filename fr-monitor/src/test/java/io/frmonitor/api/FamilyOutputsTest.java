package io.frmonitor.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.frmonitor.app.Families;
import io.frmonitor.config.HttpSettings;
import io.frmonitor.export.PrometheusBridge;
import io.frmonitor.family.FamilySpec;
import io.frmonitor.family.Output;
import io.frmonitor.family.Query;
import io.frmonitor.family.Rest;
import io.frmonitor.metric.Sample;
import io.frmonitor.metric.Samples;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.testing.WsClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered family reaches every output — its REST endpoint, its live topic, {@code
 * /prometheus}, {@code /history} and a dashboard card — unless it declares, with a reason, that one
 * does not apply. Each family's example snapshot is published and followed to each output, and its
 * REST body is checked against the schema {@code /openapi.json} describes.
 */
class FamilyOutputsTest {
  private static final Instant AT = Instant.parse("2026-11-28T12:00:05Z");
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static MetricRegistry registry;
  private static ApiServer server;
  private static JsonNode liveSnapshot;
  private static JsonNode openApi;
  private static String prometheus;
  private static JsonNode history;
  private static String page;

  @BeforeAll
  static void publishEveryExample() throws Exception {
    registry = Families.CATALOG.examples(AT);
    server =
        new ApiServer(
                new HttpSettings("127.0.0.1", 0),
                "S1",
                Families.CATALOG,
                registry,
                () -> true,
                Optional.of(new PrometheusBridge(Families.CATALOG, registry, "S1")))
            .start();
    try (WsClient ws = WsClient.connect(URI.create(base().replace("http", "ws") + "/ws/metrics"))) {
      liveSnapshot = ws.next();
    }
    openApi = json("/openapi.json");
    prometheus = get("/prometheus", "*/*").body();
    history = json("/history");
    page = get("/", "text/html").body();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Stream<FamilySpec<?>> families() {
    return Families.CATALOG.specs().stream();
  }

  private static String base() {
    return "http://127.0.0.1:" + server.port();
  }

  private static HttpResponse<String> get(String path, String accept) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", accept).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(String path) throws Exception {
    return Json.MAPPER.readTree(get(path, "application/json").body());
  }

  @Test
  void everyFamilyIsRegisteredWithEveryOutputOrAReason() {
    for (FamilySpec<?> spec : Families.CATALOG.specs()) {
      for (Output output : Output.values()) {
        assertThat(spec.outputs().contains(output) || spec.notApplicable(output).isPresent())
            .as(spec.name() + " " + output.label())
            .isTrue();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("families")
  void restServesTheFamilysFreshBody(FamilySpec<?> spec) throws Exception {
    HttpResponse<String> r = get(spec.path(), "application/json");
    if (!spec.outputs().contains(Output.REST)) {
      assertThat(r.statusCode()).as(spec.notApplicable(Output.REST).orElseThrow()).isEqualTo(404);
      return;
    }
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = Json.MAPPER.readTree(r.body());
    assertThat(body.path("stale").asBoolean()).isFalse();
    assertThat(body.path("timestamp").asLong()).isEqualTo(AT.toEpochMilli());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("families")
  void theRestBodyHasTheShapeOpenApiDescribes(FamilySpec<?> spec) throws Exception {
    if (spec.rest().isEmpty()) {
      assertThat(openApi.path("paths").has(spec.path())).isFalse();
      return;
    }
    JsonNode operation = openApi.path("paths").path(spec.path()).path("get");
    JsonNode schema = operation.at("/responses/200/content/application~1json/schema");
    JsonNode body = json(spec.path());
    List<String> problems = new ArrayList<>();
    conforms(body, schema, "$", problems);
    assertThat(problems).as(spec.path()).isEmpty();
    assertThat(operation.at("/responses/200/content/application~1json/example"))
        .as("the example in openapi.json is the body of the example snapshot")
        .isEqualTo(body);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("families")
  void theLiveTopicIsTheRestBodyOfAPlainRequest(FamilySpec<?> spec) throws Exception {
    JsonNode data = liveSnapshot.path("data");
    if (!spec.outputs().contains(Output.LIVE)) {
      assertThat(data.has(spec.name())).isFalse();
      return;
    }
    Rest rest = spec.rest().orElseThrow();
    assertThat(data.path(spec.name()))
        .isEqualTo(Json.MAPPER.readTree(Json.bytes(rest.live().render(registry, Query.NONE))));
    // the same as the REST body, but for the client list's page size
    JsonNode restBody = json(spec.path());
    restBody
        .fieldNames()
        .forEachRemaining(
            f -> {
              if (!List.of("clients", "limit").contains(f)) {
                assertThat(data.path(spec.name()).path(f)).as(f).isEqualTo(restBody.path(f));
              }
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("families")
  void prometheusHasEverySampleTheFamilyWrites(FamilySpec<?> spec) {
    Samples written = new Samples();
    writeSamples(spec, written);
    if (!spec.outputs().contains(Output.PROMETHEUS)) {
      assertThat(written.all()).isEmpty();
      return;
    }
    assertThat(written.all()).as("the example writes samples").isNotEmpty();
    for (Sample s : written.all()) {
      assertThat(prometheus).contains(exposition(s));
    }
  }

  private static <T> void writeSamples(FamilySpec<T> spec, Samples out) {
    spec.samples().write(registry.latest(spec.family()).orElseThrow(), registry, out);
  }

  /**
   * The start of the sample's line in the text format: its name and labels, the server's included,
   * sorted by name.
   */
  private static String exposition(Sample s) {
    String name = s.metric().exposedName() + (s.histogram().isPresent() ? "_count" : "");
    // every series also names its server
    List<String> labels = new ArrayList<>(List.of("server=\"S1\""));
    for (int i = 0; i < s.labelValues().size(); i++) {
      labels.add(s.metric().labelNames().get(i) + "=\"" + s.labelValues().get(i) + "\"");
    }
    labels.sort(null);
    return name + "{" + String.join(",", labels) + "}";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("families")
  void historyKeepsTheFamilysSeries(FamilySpec<?> spec) {
    List<String> series = new ArrayList<>();
    history.path("series").forEach(n -> series.add(n.asText()));
    boolean kept = series.stream().anyMatch(n -> n.startsWith(spec.family().seriesPrefix()));
    assertThat(kept).isEqualTo(spec.outputs().contains(Output.HISTORY));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("families")
  void theDashboardHasTheFamilysCard(FamilySpec<?> spec) {
    boolean listed = page.contains("\"id\":\"" + spec.name() + "\"");
    assertThat(listed).isEqualTo(spec.outputs().contains(Output.CARD));
  }

  /** A small check of a JSON value against an OpenAPI 3.0 schema; problems are added. */
  private static void conforms(JsonNode value, JsonNode schema, String at, List<String> problems) {
    if (schema.has("$ref")) {
      String name = schema.path("$ref").asText().replace("#/components/schemas/", "");
      conforms(value, openApi.path("components").path("schemas").path(name), at, problems);
      return;
    }
    if (value.isNull()) {
      if (!schema.path("nullable").asBoolean(false)) {
        problems.add(at + " is null but not nullable");
      }
      return;
    }
    String type = schema.path("type").asText();
    boolean fits =
        switch (type) {
          case "object" -> value.isObject();
          case "array" -> value.isArray();
          case "string" -> value.isTextual();
          case "integer" -> value.isIntegralNumber();
          case "number" -> value.isNumber();
          case "boolean" -> value.isBoolean();
          default -> false;
        };
    if (!fits) {
      problems.add(at + " is " + value.getNodeType() + ", the schema says " + type);
      return;
    }
    if (value.isArray()) {
      int i = 0;
      for (JsonNode item : value) {
        conforms(item, schema.path("items"), at + "[" + i++ + "]", problems);
      }
    } else if (value.isObject()) {
      fields(value, schema, at, problems);
    }
  }

  private static void fields(JsonNode value, JsonNode schema, String at, List<String> problems) {
    schema
        .path("required")
        .forEach(
            r -> {
              if (!value.has(r.asText())) {
                problems.add(at + "." + r.asText() + " is required but missing");
              }
            });
    for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      JsonNode property =
          schema.has("properties")
              ? schema.path("properties").path(field)
              : schema.path("additionalProperties");
      if (property.isMissingNode()) {
        problems.add(at + "." + field + " is not in the schema");
      } else {
        conforms(value.path(field), property, at + "." + field, problems);
      }
    }
  }
}
