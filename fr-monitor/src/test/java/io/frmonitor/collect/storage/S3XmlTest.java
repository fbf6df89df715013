package io.frmonitor.collect.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class S3XmlTest {
  private static byte[] xml(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void readsATruncatedPageWithItsToken() throws IOException {
    ObjectPage page =
        S3Xml.objectPage(
            xml(
                """
                <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
                  <Name>face-frames</Name><Prefix>frames/</Prefix><KeyCount>1</KeyCount>
                  <IsTruncated>true</IsTruncated><NextContinuationToken>abc</NextContinuationToken>
                  <Contents><Key>frames/obama/20251103T120307123456Z-1a2b3c4d5e6f.jpg</Key>
                    <LastModified>2025-11-03T12:03:07.200Z</LastModified><Size>48213</Size></Contents>
                </ListBucketResult>"""));

    assertThat(page.objects())
        .containsExactly(
            new S3Object(
                "frames/obama/20251103T120307123456Z-1a2b3c4d5e6f.jpg",
                48213,
                Instant.parse("2025-11-03T12:03:07.200Z")));
    assertThat(page.nextToken()).isEqualTo("abc");
  }

  @Test
  void aLastPageHasNoToken() throws IOException {
    ObjectPage page =
        S3Xml.objectPage(
            xml("<ListBucketResult><IsTruncated>false</IsTruncated></ListBucketResult>"));
    assertThat(page.objects()).isEmpty();
    assertThat(page.hasMore()).isFalse();
  }

  @Test
  void readsTheErrorCodeAndNothingFromOtherBodies() {
    assertThat(S3Xml.errorCode(xml("<Error><Code>AccessDenied</Code></Error>")))
        .isEqualTo("AccessDenied");
    assertThat(S3Xml.errorCode(xml("<html>proxy error</html>"))).isEmpty();
    assertThat(S3Xml.errorCode(xml("not xml"))).isEmpty();
  }

  @Test
  void refusesDoctypesSoNoEntityIsExpanded() {
    assertThatThrownBy(
            () ->
                S3Xml.bucketNames(
                    xml(
                        """
                        <?xml version="1.0"?>
                        <!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                        <ListAllMyBucketsResult><Buckets><Bucket><Name>&x;</Name></Bucket>
                        </Buckets></ListAllMyBucketsResult>""")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not well-formed");
  }

  @Test
  void aBadTimestampIsAnErrorNamingIt() {
    assertThatThrownBy(
            () ->
                S3Xml.objectPage(
                    xml(
                        "<ListBucketResult><Contents><Key>k</Key><Size>1</Size>"
                            + "<LastModified>yesterday</LastModified></Contents></ListBucketResult>")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("'yesterday'");
  }
}
