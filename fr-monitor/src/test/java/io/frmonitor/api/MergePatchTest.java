package io.frmonitor.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MergePatchTest {
  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) Json.MAPPER.readTree(text.replace('\'', '"'));
  }

  /** RFC 7386's MergePatch(Target, Patch), written from the RFC's pseudo-code. */
  private static JsonNode apply(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch;
    }
    ObjectNode out =
        target != null && target.isObject()
            ? ((ObjectNode) target).deepCopy()
            : Json.MAPPER.createObjectNode();
    for (Map.Entry<String, JsonNode> field : patch.properties()) {
      if (field.getValue().isNull()) {
        out.remove(field.getKey());
      } else {
        out.set(field.getKey(), apply(out.get(field.getKey()), field.getValue()));
      }
    }
    return out;
  }

  /** The value with its null members removed, as a merge-patch receiver holds it. */
  private static JsonNode withoutNulls(JsonNode value) {
    return apply(Json.MAPPER.createObjectNode(), value);
  }

  @Test
  void onlyChangedMembersNestedObjectsAsPatchesArraysWhole() throws Exception {
    ObjectNode from = json("{'a': 1, 'b': {'x': 1, 'y': 2}, 'c': [1, 2], 'd': 'same', 'gone': 5}");
    ObjectNode to =
        json("{'a': 2, 'b': {'x': 1, 'y': 3}, 'c': [1, 2, 3], 'd': 'same', 'new': true}");

    assertThat(MergePatch.between(from, to))
        .isEqualTo(json("{'a': 2, 'b': {'y': 3}, 'c': [1, 2, 3], 'gone': null, 'new': true}"));
  }

  @Test
  void equalValuesGiveAnEmptyPatch() throws Exception {
    ObjectNode v = json("{'a': {'b': [1, {'c': null}]}}");
    assertThat(MergePatch.between(v, v.deepCopy()).isEmpty()).isTrue();
  }

  @Test
  void anObjectThatEmptiesRemovesEveryMember() throws Exception {
    ObjectNode from = json("{'a': {'x': 1, 'y': 2}}");
    ObjectNode to = json("{'a': {}}");

    assertThat(apply(from, MergePatch.between(from, to))).isEqualTo(to);
  }

  @Test
  void withoutAPreviousValueThePatchIsTheWholeValue() throws Exception {
    ObjectNode to = json("{'a': 1}");
    assertThat(MergePatch.between(null, to)).isEqualTo(to);
  }

  /** For random trees, applying the patch to the old value gives the new one (nulls removed). */
  @Test
  void applyingThePatchGivesTheNewValue() {
    Random random = new Random(7);
    for (int i = 0; i < 2000; i++) {
      ObjectNode from = randomObject(random, 3);
      ObjectNode to = random.nextBoolean() ? randomObject(random, 3) : mutate(from, random);

      JsonNode patched = apply(withoutNulls(from), MergePatch.between(from, to));

      assertThat(patched).as("from %s to %s", from, to).isEqualTo(withoutNulls(to));
    }
  }

  private static ObjectNode randomObject(Random r, int depth) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    int n = r.nextInt(4);
    for (int i = 0; i < n; i++) {
      String key = "k" + r.nextInt(5);
      switch (r.nextInt(depth > 0 ? 5 : 4)) {
        case 0 -> o.put(key, r.nextInt(3));
        case 1 -> o.putNull(key);
        case 2 -> o.putArray(key).add(r.nextInt(2));
        case 3 -> o.put(key, "s" + r.nextInt(2));
        default -> o.set(key, randomObject(r, depth - 1));
      }
    }
    return o;
  }

  private static ObjectNode mutate(ObjectNode from, Random r) {
    ObjectNode to = from.deepCopy();
    if (r.nextBoolean()) {
      to.put("k" + r.nextInt(5), r.nextInt(3));
    }
    if (r.nextBoolean()) {
      to.remove("k" + r.nextInt(5));
    }
    return to;
  }
}
