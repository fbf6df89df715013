package io.frmonitor.bench;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.frmonitor.codec.DecodeLimits;
import io.frmonitor.codec.PayloadDecoder;
import io.frmonitor.collect.rabbitmq.FrameTapPoller;
import io.frmonitor.config.RabbitSettings;
import io.frmonitor.config.Toggle;
import io.frmonitor.model.PipelinesSnapshot;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.testing.Fixtures;
import io.frmonitor.testing.RabbitBroker;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The frame tap's ingest rate on the machine's real RabbitMQ: one publisher floods {@code
 * received_clients_data} with real pickled frame dicts (the fr-server's ~300-byte {@code
 * clients_data} shape) while the tap consumes them (manual ack, prefetch 256), for the given
 * seconds. Prints the rate the tap took messages in, and the CPU the process spent per message
 * outside the publishing thread (decode, aggregate, ack, the client library's I/O). Run by {@code
 * scripts/bench-tap}, which runs PerfTest with the same body size and ack mode as the baseline.
 */
public final class TapIngestBench {
  private TapIngestBench() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    String vhost = "fr-monitor-bench-" + System.nanoTime();
    RabbitBroker.ensureManagement();
    RabbitBroker.put("/api/vhosts/" + RabbitBroker.enc(vhost), "{}");
    RabbitBroker.put(
        "/api/permissions/" + RabbitBroker.enc(vhost) + "/guest",
        "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}");
    byte[] frame;
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/pickle/frame.p4.pkl")) {
      frame = in.readAllBytes();
    }
    ConnectionFactory f = new ConnectionFactory();
    f.setHost("127.0.0.1");
    f.setVirtualHost(vhost);
    try (Connection admin = f.newConnection()) {
      Channel ch = admin.createChannel();
      ch.exchangeDeclare("received_clients_data", "direct", true);
      MetricRegistry registry =
          new MetricRegistry(
              Clock.systemUTC(), Duration.ofMinutes(5), 60, 1000, 100, Duration.ofMinutes(1));
      RabbitSettings settings =
          new RabbitSettings(
              URI.create("amqp://guest:guest@127.0.0.1:5672/" + RabbitBroker.enc(vhost)),
              URI.create("http://guest:guest@127.0.0.1:15672"),
              List.of("x"),
              10,
              1,
              Duration.ofSeconds(30),
              Toggle.OFF);
      try (FrameTapPoller tap =
          FrameTapPoller.create(
              settings,
              new PayloadDecoder(DecodeLimits.DEFAULT),
              Clock.systemUTC(),
              Duration.ofSeconds(5))) {
        tap.poll(registry);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong published = new AtomicLong();
        AtomicLong publisherCpu = new AtomicLong();
        Thread publisher =
            new Thread(
                () -> {
                  try (Channel p = admin.createChannel()) {
                    while (!stop.get()) {
                      p.basicPublish("received_clients_data", "PipeLine_0", null, frame);
                      published.incrementAndGet();
                    }
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  } finally {
                    publisherCpu.set(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
                  }
                });
        com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        tap.poll(registry);
        long before = frames(registry);
        long cpuBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        publisher.start();
        Thread.sleep(seconds * 1000L); // the measured period itself
        tap.poll(registry);
        long consumed = frames(registry) - before;
        double elapsed = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        publisher.join();
        long cpu = os.getProcessCpuTime() - cpuBefore - publisherCpu.get();
        System.out.printf(
            "tap_ingest_msgs_per_sec=%.0f published_msgs_per_sec=%.0f body_bytes=%d"
                + " tap_cpu_us_per_msg=%.1f%n",
            consumed / elapsed,
            published.get() / elapsed,
            frame.length,
            cpu / 1e3 / Math.max(1, consumed));
      }
    } finally {
      RabbitBroker.delete("/api/vhosts/" + RabbitBroker.enc(vhost));
    }
  }

  private static long frames(MetricRegistry registry) {
    return registry.latest(PipelinesSnapshot.FAMILY).map(l -> l.value().framesTotal()).orElse(0L);
  }
}
