package io.frmonitor.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.frmonitor.family.Catalog;
import io.frmonitor.family.FamilySpec;
import io.frmonitor.family.Param;
import io.frmonitor.family.Query;
import io.frmonitor.family.Rest;
import io.frmonitor.family.alerts.AlertRulesDto;
import io.frmonitor.registry.MetricRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * {@code /openapi.json}: the hand-written description of the service's own endpoints ({@code
 * openapi.json} on the class path), plus one path and one schema per registered family, made from
 * the family's {@link Rest} and its response record, with the body its example snapshot renders to
 * as the example.
 */
final class OpenApi {
  /** When the example bodies were "collected". */
  private static final Instant EXAMPLE_TIME = Instant.parse("2026-11-28T12:00:05Z");

  private OpenApi() {}

  static byte[] document(Catalog catalog) {
    ObjectNode doc;
    try {
      doc = (ObjectNode) Json.MAPPER.readTree(StaticAssets.read("openapi.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ObjectNode paths = (ObjectNode) doc.path("paths");
    ObjectNode schemas = (ObjectNode) doc.path("components").path("schemas");
    schemas.set("AlertRules", JsonSchemas.of(AlertRulesDto.class));
    schemas.set("AlertHistory", JsonSchemas.of(AlertRoutes.HistoryDto.class));
    MetricRegistry examples = catalog.examples(EXAMPLE_TIME);
    for (FamilySpec<?> spec : catalog.specs()) {
      spec.rest()
          .ifPresent(
              rest -> {
                String schema = schemaName(rest);
                schemas.set(schema, JsonSchemas.of(rest.dto()));
                ObjectNode path = path(spec, rest, schema);
                ((ObjectNode) path.at("/get/responses/200/content/application~1json"))
                    .set(
                        "example",
                        Json.MAPPER.valueToTree(rest.body().render(examples, Query.NONE)));
                paths.set(spec.path(), path);
              });
    }
    return Json.bytes(doc);
  }

  /** {@code SystemDto} → {@code System}. */
  static String schemaName(Rest rest) {
    return rest.dto().getSimpleName().replaceFirst("Dto$", "");
  }

  private static ObjectNode path(FamilySpec<?> spec, Rest rest, String schema) {
    ObjectNode get = Json.MAPPER.createObjectNode();
    get.put("summary", rest.summary());
    get.put("description", rest.description());
    if (!rest.params().isEmpty()) {
      ArrayNode params = get.putArray("parameters");
      rest.params().forEach(p -> params.add(param(p)));
    }
    ObjectNode responses = get.putObject("responses");
    responses
        .putObject("200")
        .put("description", spec.title())
        .putObject("content")
        .putObject("application/json")
        .putObject("schema")
        .put("$ref", "#/components/schemas/" + schema);
    if (!rest.params().isEmpty()) {
      responses.putObject("400").put("$ref", "#/components/responses/BadRequest");
    }
    ObjectNode item = Json.MAPPER.createObjectNode();
    item.set("get", get);
    return item;
  }

  private static ObjectNode param(Param p) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("name", p.name());
    node.put("in", "query");
    node.put("required", false);
    node.put("description", p.description());
    node.putObject("schema").put("type", p.type());
    return node;
  }
}
