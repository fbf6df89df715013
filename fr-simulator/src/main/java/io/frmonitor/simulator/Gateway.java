package io.frmonitor.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The gateway: takes one frame per tick from the clients in turn, applies its checks (blocked →
 * rejected and the session closed; paused → dropped; otherwise registered at the first frame),
 * publishes the frame on the default exchange to {@code clients_data} (§7.4), and, with the
 * improved producers, sends its events to the {@code monitoring} exchange.
 *
 * <p>Thread safety: {@link #tick} and {@link #heartbeat} run on the simulation's single scheduler
 * thread.
 */
final class Gateway {
  static final String NAME = "gw-sim";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Channel channel;
  private final List<String> clients;
  private final ClientRoster roster;
  private final Ledger ledger;
  private final Truth truth;
  private final RandomGenerator random;
  private final Clock clock;
  private final boolean improved;
  private int next;

  Gateway(
      Channel channel,
      List<String> clients,
      ClientRoster roster,
      Ledger ledger,
      Truth truth,
      RandomGenerator random,
      Clock clock,
      boolean improved) {
    this.channel = channel;
    this.clients = List.copyOf(clients);
    this.roster = roster;
    this.ledger = ledger;
    this.truth = truth;
    this.random = random;
    this.clock = clock;
    this.improved = improved;
  }

  /** One frame from the next client. */
  void tick() throws IOException {
    String client = clients.get(next++ % clients.size());
    Instant now = clock.instant();
    truth.count("frames.offered");
    if (!admitted(client, now.toEpochMilli())) {
      return;
    }
    boolean first = !roster.hasSession(client);
    if (first) {
      roster.session(client, true, now.toEpochMilli());
      event("session_opened", Map.of("client", client));
    }
    Map<String, Object> frame =
        Payloads.frame(client, now, first, improved ? now.toEpochMilli() : null, random);
    ledger.frame((String) Objects.requireNonNull(frame.get("image_object_key")), frame);
    channel.basicPublish("", Topology.FRAMES, Topology.TRANSIENT, Pickle.dumps(frame));
    truth.count("frames.sent");
    truth.published(Topology.FRAMES);
    truth.count("frames.per_client." + client);
  }

  /**
   * The gateway's checks (§3.4, §7.4): a blocked client's frame is rejected and its session closed;
   * a paused client's frame is dropped, its session (if any) kept.
   */
  private boolean admitted(String client, long nowMs) throws IOException {
    switch (roster.admin(client)) {
      case BLOCKED -> {
        truth.count("frames.rejected.blocked");
        event("frame_rejected", Map.of("client", client, "reason", "blocked"));
        if (roster.hasSession(client)) {
          roster.session(client, false, nowMs);
          event("session_closed", Map.of("client", client));
        }
        return false;
      }
      case PAUSED -> {
        truth.count("frames.rejected.paused");
        event("frame_rejected", Map.of("client", client, "reason", "paused"));
        return false;
      }
      default -> {
        return true;
      }
    }
  }

  /** A heartbeat with the sessions registered now (improved producers only). */
  void heartbeat(int sessions) throws IOException {
    event("heartbeat", Map.of("clients", sessions));
    truth.count("gateway.heartbeats");
  }

  private void event(String type, Map<String, Object> fields) throws IOException {
    if (!improved) {
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("gateway", NAME);
    body.put("ts", clock.millis());
    body.putAll(fields);
    channel.basicPublish(
        Topology.MONITORING_EXCHANGE,
        "gateway." + NAME + "." + type,
        new AMQP.BasicProperties.Builder().contentType("application/json").build(),
        JSON.writeValueAsBytes(body));
    truth.count("gateway.events." + type);
  }
}
