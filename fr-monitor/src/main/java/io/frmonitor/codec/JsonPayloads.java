package io.frmonitor.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes JSON payloads into the same value types as pickles: objects become maps, arrays lists,
 * integers {@link Long} (or {@link BigInteger}), decimals {@link Double}, null {@link PyNone}.
 * Jackson's stream constraints enforce the depth limit while parsing.
 *
 * <p>Thread safety: immutable after construction; safe for concurrent use.
 */
final class JsonPayloads {
  private final JsonFactory factory;

  JsonPayloads(DecodeLimits limits) {
    factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(limits.maxDepth())
                    .maxStringLength(limits.maxBytes())
                    .maxNumberLength(1000)
                    .build())
            .build();
  }

  Object decode(byte[] data) throws PickleFailure {
    try (JsonParser p = factory.createParser(data)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new PickleFailure(DecodeError.TRUNCATED, "no JSON value");
      }
      Object value = read(p, first);
      if (p.nextToken() != null) {
        throw new PickleFailure(
            DecodeError.MALFORMED, "data after the JSON value at " + p.currentLocation());
      }
      return value;
    } catch (StreamConstraintsException e) {
      throw new PickleFailure(DecodeError.TOO_DEEP, e.getOriginalMessage());
    } catch (IOException e) {
      String message =
          e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
      DecodeError kind =
          message.contains("end-of-input") ? DecodeError.TRUNCATED : DecodeError.MALFORMED;
      throw new PickleFailure(kind, "JSON: " + message);
    }
  }

  private Object read(JsonParser p, JsonToken token) throws IOException, PickleFailure {
    return switch (token) {
      case START_OBJECT -> object(p);
      case START_ARRAY -> array(p);
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT ->
          p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
              ? SafeUnpickler.normalize(p.getBigIntegerValue())
              : (Object) p.getLongValue();
      case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
      case VALUE_TRUE -> true;
      case VALUE_FALSE -> false;
      case VALUE_NULL -> PyNone.NONE;
      default -> throw new PickleFailure(DecodeError.MALFORMED, "unexpected JSON token " + token);
    };
  }

  private Map<Object, Object> object(JsonParser p) throws IOException, PickleFailure {
    Map<Object, Object> map = new LinkedHashMap<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
      String key = p.currentName();
      map.put(key, read(p, p.nextToken()));
    }
    return Collections.unmodifiableMap(map);
  }

  private List<Object> array(JsonParser p) throws IOException, PickleFailure {
    List<Object> list = new ArrayList<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      list.add(read(p, t));
    }
    return Collections.unmodifiableList(list);
  }
}
