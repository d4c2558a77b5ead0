package com.aggpay.simulator.wxpay.v2;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The flat {@code <xml><k>v</k>…</xml>} documents of WeChat Pay v2. Parsing refuses any DOCTYPE and every external
 * resource: the simulator reads what the platform sends, and an XXE hole here would be one in a test fixture too.
 */
final class WxV2Xml {

    private WxV2Xml() {
    }

    /** The root's child elements as name → text, in document order; null when the bytes are not such a document. */
    static Map<String, String> parse(byte[] xml) {
        if (xml == null || xml.length == 0) {
            return null;
        }
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(null);
            Element root = builder.parse(new ByteArrayInputStream(xml)).getDocumentElement();
            Map<String, String> fields = new LinkedHashMap<>();
            NodeList children = root.getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                Node child = children.item(i);
                if (child.getNodeType() == Node.ELEMENT_NODE) {
                    fields.put(child.getNodeName(), child.getTextContent());
                }
            }
            return fields;
        } catch (Exception e) {
            return null;
        }
    }

    /** {@code <root><k><![CDATA[v]]></k>…</root>}; null values are left out. */
    static String write(String root, Map<String, String> fields) {
        StringBuilder xml = new StringBuilder("<").append(root).append('>');
        fields.forEach((k, v) -> {
            if (v != null) {
                xml.append('<').append(k).append("><![CDATA[").append(v.replace("]]>", "]]]]><![CDATA[>"))
                        .append("]]></").append(k).append('>');
            }
        });
        return xml.append("</").append(root).append('>').toString();
    }

    static String write(Map<String, String> fields) {
        return write("xml", fields);
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
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
        return f;
    }
}
