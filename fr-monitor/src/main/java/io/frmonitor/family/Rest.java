package io.frmonitor.family;

import io.frmonitor.registry.MetricRegistry;
import java.util.List;
import java.util.function.Function;

/**
 * A family's REST endpoint, {@code GET /metrics/<family>}: how its body is rendered and how it is
 * described in {@code openapi.json}.
 *
 * @param dto the body's record type; its components (snake_case) are the JSON fields, and {@code
 *     openapi.json} describes them from it
 * @param body renders the body for a request's parameters; it may throw {@link BadQueryException}
 * @param live renders the live feed's value of the topic (usually the body of a plain request)
 * @param params the query parameters, for the API description
 */
public record Rest(
    Class<? extends Record> dto,
    Body body,
    Body live,
    String summary,
    String description,
    List<Param> params) {
  public Rest {
    params = List.copyOf(params);
  }

  /**
   * An endpoint without parameters: the live topic's value is the body.
   *
   * @param body renders the body from the registry
   */
  public static Rest of(
      Class<? extends Record> dto,
      Function<MetricRegistry, Record> body,
      String summary,
      String description) {
    Body render = (registry, query) -> body.apply(registry);
    return new Rest(dto, render, render, summary, description, List.of());
  }

  /**
   * Renders a body from the registry. Runs on an HTTP or the live feed's thread; must not block.
   */
  @FunctionalInterface
  public interface Body {
    Record render(MetricRegistry registry, Query query);
  }

  /** The names of the parameters, to tell a plain request (cacheable) from a query. */
  public List<String> paramNames() {
    return params.stream().map(Param::name).toList();
  }
}
