package com.aggpay.router.channel.wxpay.v2;

import java.io.ByteArrayInputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * The only place WeChat Pay v2 XML is read or written. CVE-2018-13439: the official SDK parsed notifications with a
 * default DocumentBuilderFactory, so an attacker's DOCTYPE could read the API key from disk and forge paid
 * notifications. Here a DOCTYPE is refused outright, and every other way to reach outside the document is off too,
 * in case one setting is ignored by the JAXP implementation on the classpath.
 */
final class WxV2Xml {

    /** Silences the parser's default stderr reporting: an attacker's payload must not end up in any output. */
    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) {
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
            throw e;
        }
    };

    private WxV2Xml() {
    }

    /**
     * The root's child elements as name → text, or empty for anything that is not a plain, DOCTYPE-free document.
     * Deliberately says nothing about why: a parser message may quote the attacker's payload.
     */
    static Optional<Map<String, String>> parse(byte[] xml) {
        if (xml == null || xml.length == 0) {
            return Optional.empty();
        }
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(SILENT);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXParseException("external entities are not allowed", null);
            });
            Element root = builder.parse(new ByteArrayInputStream(xml)).getDocumentElement();
            Map<String, String> fields = new LinkedHashMap<>();
            NodeList children = root.getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                Node child = children.item(i);
                if (child.getNodeType() == Node.ELEMENT_NODE) {
                    if (fields.put(child.getNodeName(), child.getTextContent()) != null) {
                        return Optional.empty(); // a repeated field is ambiguous: which one did the sign cover?
                    }
                }
            }
            return Optional.of(Collections.unmodifiableMap(fields));
        } catch (Exception | StackOverflowError e) {
            return Optional.empty();
        }
    }

    /** {@code <xml><k><![CDATA[v]]></k>…</xml>} in the map's order; null values are left out. */
    static String write(Map<String, String> fields) {
        StringBuilder xml = new StringBuilder("<xml>");
        fields.forEach((k, v) -> {
            if (v != null) {
                // "]]>" cannot appear inside CDATA: end the section there and open a new one
                xml.append('<').append(k).append("><![CDATA[").append(v.replace("]]>", "]]]]><![CDATA[>"))
                        .append("]]></").append(k).append('>');
            }
        });
        return xml.append("</xml>").toString();
    }

    static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(false);
        f.setValidating(false);
        return f;
    }
}
