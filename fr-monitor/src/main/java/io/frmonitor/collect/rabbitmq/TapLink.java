package io.frmonitor.collect.rabbitmq;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * What a stream collector needs of its tap: keep it consuming, and — for the frame tap — ask
 * whether a pipeline has a worker queue. The deliveries themselves go from the tap straight to a
 * {@link Tap.Handler}. The seam the collectors' unit tests replace, so that they drive the handler
 * and the clock by hand.
 *
 * <p>Thread safety: called from the poller's thread.
 */
interface TapLink extends AutoCloseable {
  /** Connects, declares and binds the tap's own queue and starts consuming, unless it is. */
  void ensureStarted() throws IOException, TimeoutException;

  /**
   * Whether {@code PipeLine_<pipeline>} has a worker queue ({@code _face_data} or {@code
   * _phone_data}); empty when it could not be checked.
   */
  Optional<Boolean> hasWorker(int pipeline);

  @Override
  void close();
}
