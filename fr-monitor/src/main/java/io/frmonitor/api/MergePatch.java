package io.frmonitor.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON Merge Patch (RFC 7386) that turns one JSON object into another: changed members with
 * their new values, nested objects as patches of their own, removed members as {@code null}, and
 * arrays whole. Applying the patch to {@code from} with any RFC 7386 implementation gives {@code
 * to}, except that a member whose new value is {@code null} is removed rather than kept — the
 * WebSocket protocol documents absent and null as the same (unknown).
 *
 * <p>The trees passed in are never modified; the patch shares their unchanged subtrees.
 */
final class MergePatch {
  private MergePatch() {}

  /**
   * The patch from {@code from} to {@code to}; an empty object when they are equal. A null {@code
   * from} (nothing sent yet) gives all of {@code to}.
   */
  static ObjectNode between(@Nullable JsonNode from, ObjectNode to) {
    ObjectNode patch = JsonNodeFactory.instance.objectNode();
    if (from == null || !from.isObject()) {
      patch.setAll(to);
      return patch;
    }
    for (Map.Entry<String, JsonNode> field : to.properties()) {
      JsonNode before = from.get(field.getKey());
      JsonNode after = field.getValue();
      if (after.equals(before)) {
        continue;
      }
      if (after.isObject() && before != null && before.isObject()) {
        patch.set(field.getKey(), between(before, (ObjectNode) after));
      } else {
        patch.set(field.getKey(), after);
      }
    }
    for (Map.Entry<String, JsonNode> field : from.properties()) {
      if (!to.has(field.getKey())) {
        patch.putNull(field.getKey());
      }
    }
    return patch;
  }
}
