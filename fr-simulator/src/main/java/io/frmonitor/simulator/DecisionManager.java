package io.frmonitor.simulator;

import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;

/**
 * The decision manager: consumes both result queues; per face result one action (the rule order of
 * §2.6, a failure counting as no face), per phone result with a phone one more; and one saved
 * action per result (§2.7). Publishes on the default exchange, then acks.
 */
final class DecisionManager {
  private final Channel channel;
  private final Ledger ledger;
  private final Truth truth;
  private final Clock clock;

  DecisionManager(Channel channel, Ledger ledger, Truth truth, Clock clock) {
    this.channel = channel;
    this.ledger = ledger;
    this.truth = truth;
    this.clock = clock;
  }

  void start() throws IOException {
    consume(Topology.FACE_RESULTS, "face");
    consume(Topology.PHONE_RESULTS, "phone");
  }

  private void consume(String queue, String type) throws IOException {
    AckEach.consume(channel, queue, body -> decide(type, Topology.frameKey(body)));
  }

  private void decide(String type, String key) throws IOException {
    // the worker records its result before it publishes it
    Ledger.Result r = Objects.requireNonNull(ledger.takeResult(key, type), key);
    Payloads.Action action;
    if (type.equals("face")) {
      action = Payloads.Action.forFace(r.verdict(), r.failed());
    } else if (r.phone() && !r.failed()) {
      action = Payloads.Action.SIGN_OUT_PHONE;
    } else {
      action = null;
    }
    if (action != null) {
      channel.basicPublish(
          "",
          Topology.ACTIONS,
          Topology.TRANSIENT,
          Pickle.dumps(Payloads.action(action, r.payload(), clock.instant())));
      truth.count("actions.total");
      truth.published(Topology.ACTIONS);
      truth.count("actions.by." + action.name().toLowerCase(Locale.ROOT));
    }
    Payloads.Action saved = action == null ? Payloads.Action.NO_ACTION : action;
    channel.basicPublish(
        "",
        Topology.SAVED_ACTIONS,
        Topology.TRANSIENT,
        Pickle.dumps(Payloads.savedAction(saved, r.payload(), type)));
    truth.count("saved_actions.total");
    truth.published(Topology.SAVED_ACTIONS);
  }
}
