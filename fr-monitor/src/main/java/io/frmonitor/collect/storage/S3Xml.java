package io.frmonitor.collect.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads the S3 answers the collector asks for. The parser refuses DTDs and external entities: the
 * answers come from a server we do not control.
 */
final class S3Xml {
  /** Fails on errors instead of printing them to stderr, as the default handler does. */
  private static final ErrorHandler QUIET =
      new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }
      };

  private S3Xml() {}

  static List<String> bucketNames(byte[] xml) throws IOException {
    List<String> names = new ArrayList<>();
    for (Element bucket : children(parse(xml).getDocumentElement(), "Buckets", "Bucket")) {
      names.add(text(bucket, "Name"));
    }
    return names;
  }

  static ObjectPage objectPage(byte[] xml) throws IOException {
    Element root = parse(xml).getDocumentElement();
    List<S3Object> objects = new ArrayList<>();
    for (Element content : direct(root, "Contents")) {
      objects.add(
          new S3Object(
              text(content, "Key"),
              Long.parseLong(text(content, "Size")),
              instant(text(content, "LastModified"))));
    }
    boolean truncated = Boolean.parseBoolean(text(root, "IsTruncated"));
    String token = text(root, "NextContinuationToken");
    return new ObjectPage(objects, truncated && !token.isEmpty() ? token : null);
  }

  /** The {@code Code} of an S3 error document, or empty when the body is not one. */
  static String errorCode(byte[] xml) {
    try {
      Element root = parse(xml).getDocumentElement();
      return "Error".equals(root.getTagName()) ? text(root, "Code") : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static Instant instant(String value) throws IOException {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new IOException("LastModified '" + value + "' is not an ISO-8601 instant", e);
    }
  }

  private static Document parse(byte[] xml) throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(QUIET);
      return builder.parse(new ByteArrayInputStream(xml));
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException("answer is not well-formed XML: " + e.getMessage(), e);
    }
  }

  private static List<Element> children(Element parent, String wrapper, String name) {
    List<Element> out = new ArrayList<>();
    for (Element w : direct(parent, wrapper)) {
      out.addAll(direct(w, name));
    }
    return out;
  }

  private static List<Element> direct(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node n = nodes.item(i);
      if (n instanceof Element e
          && name.equals(e.getLocalName() == null ? e.getTagName() : e.getLocalName())) {
        out.add(e);
      }
    }
    return out;
  }

  /** The text of the first direct child called {@code name}, or empty. */
  private static String text(Element parent, String name) {
    List<Element> found = direct(parent, name);
    return found.isEmpty() ? "" : found.get(0).getTextContent().trim();
  }
}
