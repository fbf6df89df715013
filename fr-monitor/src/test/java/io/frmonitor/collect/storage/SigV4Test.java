package io.frmonitor.collect.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SigV4Test {
  /** The "GET Bucket (List Objects)" example of AWS's Signature Version 4 documentation. */
  @Test
  void matchesTheDocumentedListObjectsExample() {
    SigV4 signer =
        new SigV4("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "us-east-1");

    var headers =
        signer.sign(
            URI.create("https://examplebucket.s3.amazonaws.com/?max-keys=2&prefix=J"),
            Instant.parse("2013-05-24T00:00:00Z"));

    assertThat(headers.get("Authorization"))
        .isEqualTo(
            "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
                + " SignedHeaders=host;x-amz-content-sha256;x-amz-date,"
                + " Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
    assertThat(headers).containsEntry("x-amz-date", "20130524T000000Z");
  }
}
