package io.frmonitor.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.alert.rule.AlertRule;
import io.frmonitor.alert.rule.RulesLoader;
import io.frmonitor.app.Families;
import io.frmonitor.config.ApiAccess;
import io.frmonitor.config.HttpSettings;
import io.frmonitor.config.Secret;
import io.frmonitor.testing.ManualClock;
import io.frmonitor.testing.Registries;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /runbooks}: the bundled docs/alerts.md as served, with a token configured. */
class RunbooksTest {
  private static ApiServer server;
  private static HttpResponse<String> page;

  @BeforeAll
  static void fetchThePageWithoutAToken() throws Exception {
    server =
        new ApiServer(
                new HttpSettings(
                    "127.0.0.1",
                    0,
                    new ApiAccess(new Secret("api-token-0123456789"), new Secret(""), List.of())),
                "S1",
                Families.CATALOG,
                Registries.forApiTests(new ManualClock()),
                () -> true,
                Optional.empty())
            .start();
    page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + Runbooks.PATH))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Set<String> ids(String html) {
    Set<String> ids = new HashSet<>();
    Matcher m = Pattern.compile(" id=\"([^\"]*)\"").matcher(html);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  @Test
  void everyShippedRulesRunbookUrlNamesASectionOfThePage() {
    Set<String> ids = ids(page.body());
    List<AlertRule> rules = new RulesLoader(Families.CATALOG.metrics()).defaults().rules();
    assertThat(rules).isNotEmpty();
    for (AlertRule rule : rules) {
      String url = rule.annotations().get("runbook_url").text();
      assertThat(url).as(rule.name()).startsWith("docs/alerts.md#");
      assertThat(ids)
          .as(rule.name() + "'s runbook " + url + " as /runbooks#anchor")
          .contains(url.substring(url.indexOf('#') + 1));
    }
  }

  @Test
  void isAPublicSelfContainedHtmlPage() {
    assertThat(page.statusCode()).as("public, like /docs").isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(p -> assertThat(p).contains("default-src 'none'"));
    assertThat(page.body())
        .startsWith("<!doctype html>")
        .contains("<title>Alert runbooks · fr-monitor</title>")
        .contains("prefers-color-scheme: dark")
        .doesNotContain("<script")
        .doesNotContain("<link")
        .doesNotContain("src=");
  }

  @Test
  void linksWithinTheRunbooksWorkAndLinksToUnservedDocumentsAreText() {
    String body = page.body();
    assertThat(body)
        .contains("<a href=\"#notifications\">Notifications</a>")
        .contains("<a href=\"#pipelineworkerdown\">PipelineWorkerDown</a>")
        .doesNotContain("href=\"metrics.md")
        .doesNotContain("href=\"api.md");
    assertThat(ids(body)).contains("an-example-rules-file", "missing-data-is-never-resolved");
    Matcher anchors = Pattern.compile("href=\"#([^\"]*)\"").matcher(body);
    while (anchors.find()) {
      assertThat(ids(body)).as("the link to #" + anchors.group(1)).contains(anchors.group(1));
    }
  }

  @Test
  void aLinkToASectionOfAlertsMdIsAnAnchorOnThePage() {
    assertThat(Runbooks.link("alerts.md#resultsstalled")).hasValue("#resultsstalled");
    assertThat(Runbooks.link("operations.md#the-firehose")).isEmpty();
    assertThat(Runbooks.link("https://prometheus.io/docs/"))
        .hasValue("https://prometheus.io/docs/");
    assertThat(Runbooks.link("javascript:alert(1)")).isEmpty();
  }
}
