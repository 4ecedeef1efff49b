package dev.rebuildcauses.harvest.jenkins;

import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.changes.HarvestException.FailureKind;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/** Reads the git remote URLs out of a job's {@code config.xml}, where Hudson keeps its only copy of them. */
public final class JobConfigParser {
    private JobConfigParser() {}

    /**
     * The git remote URLs of a job configuration, in document order, without repeats: the modern git
     * plugin's {@code UserRemoteConfig/url}, a multibranch {@code GitSCMSource/remote}, and Hudson's
     * old {@code org.spearce.jgit.transport.RemoteConfig}, whose children alternate key and value
     * ({@code <string>url</string><string>file:///…</string>}).
     *
     * @param source where the XML came from, for the message of a parse failure
     */
    public static List<String> gitRemoteUrls(String configXml, String source) throws HarvestException {
        Document document = parse(configXml, source);
        Set<String> urls = new LinkedHashSet<>();
        for (Element remote : elements(document, "hudson.plugins.git.UserRemoteConfig")) {
            childText(remote, "url").ifPresent(urls::add);
        }
        for (Element remote : elements(document, "jenkins.plugins.git.GitSCMSource")) {
            childText(remote, "remote").ifPresent(urls::add);
        }
        for (Element remote : elements(document, "org.spearce.jgit.transport.RemoteConfig")) {
            List<Element> children = childElements(remote);
            // pairs of <string> key and value after the name and count: find the key "url"
            for (int i = 0; i + 1 < children.size(); i++) {
                Element key = children.get(i);
                Element value = children.get(i + 1);
                if (key.getTagName().equals("string")
                        && value.getTagName().equals("string")
                        && "url".equals(key.getTextContent().trim())
                        && !value.getTextContent().isBlank()) {
                    urls.add(value.getTextContent().trim());
                }
            }
        }
        return List.copyOf(urls);
    }

    private static Document parse(String xml, String source) throws HarvestException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (SAXParseException e) {
            throw new HarvestException(
                    FailureKind.BAD_RESPONSE,
                    "malformed job config.xml from " + source + " at line " + e.getLineNumber() + ", column "
                            + e.getColumnNumber() + ": " + e.getMessage());
        } catch (org.xml.sax.SAXException | IOException | ParserConfigurationException e) {
            throw new HarvestException(
                    FailureKind.BAD_RESPONSE, "cannot read job config.xml from " + source + ": " + e.getMessage(), e);
        }
    }

    private static List<Element> elements(Document document, String tag) {
        NodeList nodes = document.getElementsByTagName(tag);
        List<Element> result = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            result.add((Element) nodes.item(i));
        }
        return result;
    }

    private static List<Element> childElements(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }

    private static java.util.Optional<String> childText(Element parent, String tag) {
        return childElements(parent).stream()
                .filter(e -> e.getTagName().equals(tag))
                .map(e -> e.getTextContent().trim())
                .filter(text -> !text.isEmpty())
                .findFirst();
    }
}
