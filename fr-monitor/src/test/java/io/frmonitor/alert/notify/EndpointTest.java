package io.frmonitor.alert.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** A receiver's URL: called with its credentials as Basic auth, shown without them. */
class EndpointTest {
  @Test
  void credentialsBecomeBasicAuthAndLeaveTheUrl() {
    Endpoint e = Endpoint.of(URI.create("https://bob:p%40ss@hooks.example:8443/fr?token=t1#x"));
    assertThat(e.authorization()).hasValue("Basic Ym9iOnBAc3M=");
    assertThat(e.target()).isEqualTo(URI.create("https://hooks.example:8443/fr?token=t1"));
    assertThat(e.display()).isEqualTo("https://hooks.example:8443/fr");
    assertThat(e.hostAndPort()).isEqualTo("hooks.example:8443");
  }

  @Test
  void aUrlWithoutCredentialsHasNoAuthorization() {
    Endpoint e = Endpoint.of(URI.create("http://hooks.example/fr"));
    assertThat(e.authorization()).isEmpty();
    assertThat(e.display()).isEqualTo("http://hooks.example/fr");
  }

  @Test
  void appendsAPathWithOrWithoutTrailingSlash() {
    for (String base : new String[] {"http://am:9093", "http://am:9093/", "HTTP://am:9093//"}) {
      assertThat(Endpoint.of(URI.create(base)).append("/api/v2/alerts").target())
          .isEqualTo(URI.create("http://am:9093/api/v2/alerts"));
    }
    assertThat(Endpoint.of(URI.create("http://u:p@am/prefix/?x=1")).append("/api/v2/alerts"))
        .satisfies(e -> assertThat(e.target()).hasToString("http://am/prefix/api/v2/alerts?x=1"))
        .satisfies(e -> assertThat(e.display()).isEqualTo("http://am/prefix/"))
        .satisfies(e -> assertThat(e.authorization()).isPresent());
  }

  @Test
  void rejectsOtherSchemesAndUrlsWithoutHostNamingThemWithoutCredentials() {
    for (String bad : new String[] {"ftp://h/x", "mailto:ops@example", "/relative", "http:///x"}) {
      assertThatThrownBy(() -> Endpoint.of(URI.create(bad)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("\"" + bad + "\"")
          .hasMessageContaining("expected an http or https URL");
    }
    assertThatThrownBy(() -> Endpoint.of(URI.create("ftp://me:secret@h/x")))
        .hasMessageContaining("ftp://***@h/x")
        .message()
        .doesNotContain("secret");
  }
}
