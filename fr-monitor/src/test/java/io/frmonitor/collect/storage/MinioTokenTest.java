package io.frmonitor.collect.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class MinioTokenTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_764_298_800L);

  /**
   * The expected token was made by Python's {@code hmac}/{@code hashlib}/{@code base64} from the
   * same header and claims (compact JSON, keys in this order), independently of this code:
   *
   * <pre>
   * h = b64url(b'{"alg":"HS512","typ":"JWT"}')
   * c = b64url(json.dumps({"exp": 1764299100, "iss": "prometheus", "sub": "fr-monitor"},
   *                       separators=(',', ':')).encode())
   * token = h + '.' + c + '.' + b64url(hmac.new(b'read-only-secret', (h + '.' + c).encode(),
   *                                             hashlib.sha512).digest())
   * </pre>
   */
  @Test
  void matchesATokenMadeByAnIndependentImplementation() {
    assertThat(MinioToken.bearer("fr-monitor", "read-only-secret", NOW, Duration.ofMinutes(5)))
        .isEqualTo(
            "eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCJ9"
                + ".eyJleHAiOjE3NjQyOTkxMDAsImlzcyI6InByb21ldGhldXMiLCJzdWIiOiJmci1tb25pdG9yIn0"
                + ".ALJ1isP_DnBmgqouZ1PH-0kfghoRrpsgi-Wd7EZwFi1mDQYb6lD8S23eOAyxcHqACI4ga7lnIbQESnFisuRQLg");
  }

  @Test
  void quotesInTheAccessKeyStayInsideTheSubject() {
    String token = MinioToken.bearer("a\"b\\c", "s", NOW, Duration.ofMinutes(5));
    String claims =
        new String(
            Base64.getUrlDecoder().decode(token.split("\\.", -1)[1]), StandardCharsets.UTF_8);

    assertThat(claims)
        .isEqualTo("{\"exp\":1764299100,\"iss\":\"prometheus\",\"sub\":\"a\\\"b\\\\c\"}");
  }
}
