package io.frmonitor.state;

import io.frmonitor.alert.engine.AlertHistory;
import io.frmonitor.alert.engine.Silences;
import io.frmonitor.alert.eval.AlertInstance;
import io.frmonitor.alert.rule.LabelMatcher;
import io.frmonitor.model.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The bodies of the events, alert instances, silences and alert history sections (see {@link
 * StateCodec} for the layout).
 *
 * <p>Thread safety: stateless.
 */
final class RecordsCodec {
  private RecordsCodec() {}

  static void writeEvents(ByteSink out, List<Event> events) {
    out.writeVarLong(events.size());
    long prev = 0;
    for (Event e : events) {
      long t = e.time().toEpochMilli();
      out.writeZigZag(t - prev);
      prev = t;
      out.writeString(e.kind());
      out.writeMap(e.fields());
    }
  }

  static List<Event> readEvents(ByteSource in) throws StateFormatException {
    int n = in.readCount("events");
    List<Event> events = new ArrayList<>(n);
    long prev = 0;
    for (int i = 0; i < n; i++) {
      prev += in.readZigZag();
      events.add(new Event(Instant.ofEpochMilli(prev), in.readString(), in.readMap()));
    }
    return events;
  }

  static void writeAlerts(ByteSink out, List<AlertInstance> alerts) {
    out.writeVarLong(alerts.size());
    for (AlertInstance a : alerts) {
      out.writeString(a.rule());
      out.writeMap(a.labels());
      out.writeMap(a.annotations());
      out.writeByte(
          switch (a.phase()) {
            case PENDING -> 0;
            case FIRING -> 1;
            case RESOLVED -> 2;
          });
      out.writeInstant(a.activeAt());
      writeOptionalInstant(out, a.firedAt());
      writeOptionalInstant(out, a.resolvedAt());
      out.writeInstant(a.lastActiveAt());
      writeOptionalDouble(out, a.value());
      writeOptionalInstant(out, a.noDataSince());
      out.writeBoolean(a.noDataReason().isPresent());
      a.noDataReason().ifPresent(out::writeString);
    }
  }

  static List<AlertInstance> readAlerts(ByteSource in) throws StateFormatException {
    int n = in.readCount("alert instances");
    List<AlertInstance> alerts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String rule = in.readString();
      var labels = in.readMap();
      var annotations = in.readMap();
      int phase = in.readByte();
      AlertInstance.Phase p =
          switch (phase) {
            case 0 -> AlertInstance.Phase.PENDING;
            case 1 -> AlertInstance.Phase.FIRING;
            case 2 -> AlertInstance.Phase.RESOLVED;
            default -> throw in.corrupt("unknown alert phase " + phase);
          };
      Instant activeAt = in.readInstant();
      Optional<Instant> firedAt = readOptionalInstant(in);
      Optional<Instant> resolvedAt = readOptionalInstant(in);
      Instant lastActiveAt = in.readInstant();
      OptionalDouble value = readOptionalDouble(in);
      Optional<Instant> noDataSince = readOptionalInstant(in);
      Optional<String> reason =
          in.readBoolean("presence") ? Optional.of(in.readString()) : Optional.empty();
      alerts.add(
          new AlertInstance(
              rule,
              labels,
              annotations,
              p,
              activeAt,
              firedAt,
              resolvedAt,
              lastActiveAt,
              value,
              noDataSince,
              reason));
    }
    return alerts;
  }

  static void writeSilences(ByteSink out, List<Silences.Silence> silences) {
    out.writeVarLong(silences.size());
    for (Silences.Silence s : silences) {
      out.writeString(s.id());
      out.writeVarLong(s.matchers().size());
      for (LabelMatcher m : s.matchers()) {
        out.writeString(m.label());
        out.writeByte(
            switch (m.op()) {
              case EQ -> 0;
              case NE -> 1;
              case RE -> 2;
              case NRE -> 3;
            });
        out.writeString(m.value());
      }
      out.writeInstant(s.startsAt());
      out.writeInstant(s.endsAt());
      out.writeString(s.createdBy());
      out.writeString(s.comment());
    }
  }

  static List<Silences.Silence> readSilences(ByteSource in) throws StateFormatException {
    int n = in.readCount("silences");
    List<Silences.Silence> silences = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String id = in.readString();
      int m = in.readCount("matchers");
      List<LabelMatcher> matchers = new ArrayList<>(m);
      for (int j = 0; j < m; j++) {
        matchers.add(readMatcher(in, id));
      }
      silences.add(
          new Silences.Silence(
              id, matchers, in.readInstant(), in.readInstant(), in.readString(), in.readString()));
    }
    return silences;
  }

  private static LabelMatcher readMatcher(ByteSource in, String silenceId)
      throws StateFormatException {
    String label = in.readString();
    int code = in.readByte();
    LabelMatcher.Op op =
        switch (code) {
          case 0 -> LabelMatcher.Op.EQ;
          case 1 -> LabelMatcher.Op.NE;
          case 2 -> LabelMatcher.Op.RE;
          case 3 -> LabelMatcher.Op.NRE;
          default -> throw in.corrupt("unknown matcher operator " + code);
        };
    String value = in.readString();
    try {
      return LabelMatcher.of(label, op, value);
    } catch (IllegalArgumentException e) {
      throw in.corrupt("silence " + silenceId + ": " + e.getMessage());
    }
  }

  static void writeHistory(ByteSink out, List<AlertHistory.Entry> entries) {
    out.writeVarLong(entries.size());
    long prev = 0;
    for (AlertHistory.Entry e : entries) {
      out.writeZigZag(e.id());
      long t = e.at().toEpochMilli();
      out.writeZigZag(t - prev);
      prev = t;
      out.writeString(e.alertname());
      out.writeString(e.severity());
      out.writeMap(e.labels());
      out.writeString(e.from());
      out.writeString(e.to());
      writeOptionalDouble(out, e.value());
      out.writeString(e.summary());
      out.writeBoolean(e.silenced());
      out.writeString(e.fingerprint());
    }
  }

  static List<AlertHistory.Entry> readHistory(ByteSource in) throws StateFormatException {
    int n = in.readCount("alert history entries");
    List<AlertHistory.Entry> entries = new ArrayList<>(n);
    long prev = 0;
    for (int i = 0; i < n; i++) {
      long id = in.readZigZag();
      prev += in.readZigZag();
      entries.add(
          new AlertHistory.Entry(
              id,
              Instant.ofEpochMilli(prev),
              in.readString(),
              in.readString(),
              in.readMap(),
              in.readString(),
              in.readString(),
              readOptionalDouble(in),
              in.readString(),
              in.readBoolean("silenced"),
              in.readString()));
    }
    return entries;
  }

  private static void writeOptionalInstant(ByteSink out, Optional<Instant> t) {
    out.writeBoolean(t.isPresent());
    t.ifPresent(out::writeInstant);
  }

  private static Optional<Instant> readOptionalInstant(ByteSource in) throws StateFormatException {
    return in.readBoolean("presence") ? Optional.of(in.readInstant()) : Optional.empty();
  }

  private static void writeOptionalDouble(ByteSink out, OptionalDouble v) {
    out.writeBoolean(v.isPresent());
    v.ifPresent(out::writeDouble);
  }

  private static OptionalDouble readOptionalDouble(ByteSource in) throws StateFormatException {
    return in.readBoolean("presence") ? OptionalDouble.of(in.readDouble()) : OptionalDouble.empty();
  }
}
