package io.frmonitor.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * OpenAPI 3.0 schemas made from the response records themselves, so that {@code openapi.json}
 * cannot drift from what the API sends: each record component is a property (snake_case, or its
 * {@code @JsonProperty} name), {@code @Nullable} makes it nullable,
 * {@code @JsonPropertyDescription} describes it; lists, string-keyed maps and nested records map to
 * arrays, objects with {@code additionalProperties} and nested objects. A non-nullable property is
 * required.
 */
final class JsonSchemas {
  private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE =
      new PropertyNamingStrategies.SnakeCaseStrategy();

  private JsonSchemas() {}

  /** The schema of a response record. */
  static ObjectNode of(Class<? extends Record> type) {
    return record(type);
  }

  private static ObjectNode record(Class<?> type) {
    ObjectNode schema = Json.MAPPER.createObjectNode();
    schema.put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = Json.MAPPER.createArrayNode();
    for (RecordComponent c : type.getRecordComponents()) {
      String name = jsonName(c);
      ObjectNode property = of(c.getAnnotatedType());
      Method accessor = c.getAccessor();
      JsonPropertyDescription description = accessor.getAnnotation(JsonPropertyDescription.class);
      if (description != null) {
        property.put("description", description.value());
      }
      properties.set(name, property);
      if (!property.path("nullable").asBoolean(false)) {
        required.add(name);
      }
    }
    if (!required.isEmpty()) {
      schema.set("required", required);
    }
    return schema;
  }

  private static String jsonName(RecordComponent c) {
    JsonProperty renamed = c.getAccessor().getAnnotation(JsonProperty.class);
    return renamed != null && !renamed.value().isEmpty()
        ? renamed.value()
        : SNAKE.translate(c.getName());
  }

  private static ObjectNode of(AnnotatedType annotated) {
    ObjectNode schema = of(annotated.getType(), annotated);
    if (annotated.isAnnotationPresent(Nullable.class)) {
      schema.put("nullable", true);
    }
    return schema;
  }

  private static ObjectNode of(Type type, AnnotatedType annotated) {
    ObjectNode schema = Json.MAPPER.createObjectNode();
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      AnnotatedType[] args =
          ((AnnotatedParameterizedType) annotated).getAnnotatedActualTypeArguments();
      if (List.class.isAssignableFrom(raw)) {
        schema.put("type", "array");
        schema.set("items", of(args[0]));
        return schema;
      }
      if (Map.class.isAssignableFrom(raw)) {
        schema.put("type", "object");
        schema.set("additionalProperties", of(args[1]));
        return schema;
      }
      throw new IllegalArgumentException("no schema for " + type);
    }
    Class<?> c = (Class<?>) type;
    if (c == String.class) {
      schema.put("type", "string");
    } else if (c == boolean.class || c == Boolean.class) {
      schema.put("type", "boolean");
    } else if (c == int.class || c == Integer.class) {
      schema.put("type", "integer");
    } else if (c == long.class || c == Long.class) {
      schema.put("type", "integer").put("format", "int64");
    } else if (c == double.class || c == Double.class) {
      schema.put("type", "number");
    } else if (c.isRecord()) {
      return record(c);
    } else {
      throw new IllegalArgumentException("no schema for " + c.getName());
    }
    return schema;
  }
}
