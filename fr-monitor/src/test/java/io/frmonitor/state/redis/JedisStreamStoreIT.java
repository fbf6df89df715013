package io.frmonitor.state.redis;

import io.frmonitor.config.RedisStreamSettings;
import io.frmonitor.config.Secret;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import redis.clients.jedis.Jedis;

/** The real store keeps the contract, against the machine's Redis (database 14, keys removed). */
class JedisStreamStoreIT extends StreamStoreContract {
  private static final int DB = 14;
  private final String server = "it-" + UUID.randomUUID();

  @Override
  StreamStore store() {
    return new JedisStreamStore(
        new RedisStreamSettings("127.0.0.1", 6379, DB, "", new Secret(""), server),
        Duration.ofSeconds(2));
  }

  @Override
  String key() {
    return "fr-monitor:" + server + ":history";
  }

  @Override
  String other() {
    return "fr-monitor:" + server + ":events";
  }

  @AfterEach
  void cleanUp() {
    try (Jedis admin = new Jedis("127.0.0.1", 6379)) {
      admin.select(DB);
      admin.del(key(), other());
    }
  }
}
