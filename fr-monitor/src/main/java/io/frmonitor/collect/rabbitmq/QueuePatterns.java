package io.frmonitor.collect.rabbitmq;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Queue names and globs ({@code PipeLine_*_face_data}) as one anchored regular expression, as both
 * the management API (Erlang {@code re}) and Java read it. Pure.
 */
final class QueuePatterns {
  private final List<String> patterns;

  QueuePatterns(List<String> patterns) {
    this.patterns = List.copyOf(patterns);
  }

  /** The management API's {@code name} filter: {@code ^(clients_data|PipeLine_.*_face_data)$}. */
  String regex() {
    List<String> parts = new ArrayList<>();
    for (String p : patterns) {
      StringBuilder b = new StringBuilder();
      String[] literal = p.split("\\*", -1);
      for (int i = 0; i < literal.length; i++) {
        if (i > 0) {
          b.append(".*");
        }
        // configuration admits only [A-Za-z0-9_.:-] besides '*': '.' is the one to escape
        b.append(literal[i].replace(".", "\\."));
      }
      parts.add(b.toString());
    }
    return "^(" + String.join("|", parts) + ")$";
  }

  boolean matches(String queue) {
    return Pattern.compile(regex()).matcher(queue).matches();
  }

  /** The patterns without wildcards: the queues a passive declare can ask about. */
  List<String> plainNames() {
    return patterns.stream().filter(p -> !p.contains("*")).toList();
  }
}
