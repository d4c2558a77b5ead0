package com.aggpay.simulator.wxpay.v2;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * The flat {@code <xml><k>v</k>…</xml>} documents of WeChat Pay v2, read and written with StAX. A document with a
 * DOCTYPE is not one (no DTD is ever read, no entity expanded, nothing external fetched): the simulator reads what
 * the platform sends, and an XXE hole here would be one in a test fixture too.
 */
final class WxV2Xml {

    private static final XMLInputFactory READERS = readers();
    private static final XMLOutputFactory WRITERS = XMLOutputFactory.newFactory();

    private WxV2Xml() {
    }

    /** The root's child elements as name → text, in document order; null when the bytes are not such a document. */
    static Map<String, String> parse(byte[] xml) {
        if (xml == null || xml.length == 0) {
            return null;
        }
        XMLStreamReader reader = null;
        try {
            reader = READERS.createXMLStreamReader(new ByteArrayInputStream(xml));
            Map<String, String> fields = new LinkedHashMap<>();
            int depth = 0;
            String field = null;
            StringBuilder text = new StringBuilder();
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE -> {
                        return null;
                    }
                    case XMLStreamConstants.START_ELEMENT -> {
                        depth++;
                        if (depth == 2) {
                            field = reader.getLocalName();
                            text.setLength(0);
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (depth >= 2) {
                            text.append(reader.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (depth == 2) {
                            fields.put(field, text.toString());
                        }
                        depth--;
                    }
                    default -> {
                        // comments, processing instructions and the document's start and end carry no field
                    }
                }
            }
            return fields;
        } catch (XMLStreamException | RuntimeException e) {
            return null;
        } finally {
            close(reader);
        }
    }

    /** {@code <root><k><![CDATA[v]]></k>…</root>}; null values are left out. */
    static String write(String root, Map<String, String> fields) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = WRITERS.createXMLStreamWriter(out);
            xml.writeStartElement(root);
            for (Map.Entry<String, String> field : fields.entrySet()) {
                if (field.getValue() == null) {
                    continue;
                }
                xml.writeStartElement(field.getKey());
                cdata(xml, field.getValue());
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write " + root, e);
        }
        return out.toString();
    }

    static String write(Map<String, String> fields) {
        return write("xml", fields);
    }

    /** A CDATA section cannot hold "]]>": split it between two sections, after its "]]". */
    private static void cdata(XMLStreamWriter xml, String value) throws XMLStreamException {
        String rest = value;
        for (int cut = rest.indexOf("]]>"); cut >= 0; cut = rest.indexOf("]]>")) {
            xml.writeCData(rest.substring(0, cut + 2));
            rest = rest.substring(cut + 2);
        }
        xml.writeCData(rest);
    }

    private static XMLInputFactory readers() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external resource refused: " + systemId);
        });
        return f;
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // nothing to release beyond the byte array
            }
        }
    }
}
