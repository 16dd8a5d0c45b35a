package cn.zhaoshang.tracker.ledger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * An .xlsx written part by part with java.util.zip, so that a test decides every byte of the XML, however large:
 * parts are streamed into the zip, never held whole. The first sheet starts with the template's header row.
 */
final class RawWorkbook {

    /** Writes the text of a part, or the rows of the sheet after its header. */
    interface Text {
        void write(Writer out) throws IOException;
    }

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String TYPES = "application/vnd.openxmlformats-officedocument.spreadsheetml";

    /** [Content_Types].xml up to its end tag, for a test to add its own. */
    static final Text CONTENT_TYPES = out -> out.write(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="%1$s.sheet.main+xml"/>\
            <Override PartName="/xl/worksheets/sheet1.xml" ContentType="%1$s.worksheet+xml"/>\
            <Override PartName="/xl/sharedStrings.xml" ContentType="%1$s.sharedStrings+xml"/>"""
                    .formatted(TYPES));

    private final Map<String, Text> parts = new LinkedHashMap<>();
    private boolean sharedStrings;

    RawWorkbook() {
        parts.put("[Content_Types].xml", out -> {
            CONTENT_TYPES.write(out);
            out.write("</Types>");
        });
        parts.put("_rels/.rels", rootRelationships(out -> {}));
        parts.put(
                "xl/workbook.xml",
                out -> out.write(
                        """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <workbook xmlns="%s" xmlns:r="%s"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>"""
                                .formatted(MAIN, OFFICE)));
        parts.put("xl/_rels/workbook.xml.rels", out -> {
            out.write(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"%s\">".formatted(RELATIONSHIPS));
            out.write("<Relationship Id=\"rId1\" Type=\"%s/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    .formatted(OFFICE));
            if (sharedStrings) {
                out.write("<Relationship Id=\"rId2\" Type=\"%s/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                        .formatted(OFFICE));
            }
            out.write("</Relationships>");
        });
        rows(out -> {});
    }

    /** The package's own relationships, with {@code padding} where an attacker would put it. */
    static Text rootRelationships(Text padding) {
        return out -> {
            out.write(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"%s\">".formatted(RELATIONSHIPS));
            out.write("<Relationship Id=\"rId1\" Type=\"%s/officeDocument\" Target=\"xl/workbook.xml\"/>"
                    .formatted(OFFICE));
            padding.write(out);
            out.write("</Relationships>");
        };
    }

    /** The sheet: the template's header in row 1, then what {@code rows} writes inside sheetData. */
    RawWorkbook rows(Text rows) {
        parts.put("xl/worksheets/sheet1.xml", out -> {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"%s\"><sheetData><row r=\"1\">"
                    .formatted(MAIN));
            for (Column column : Column.ALL) {
                out.write("<c r=\"%s1\" t=\"inlineStr\"><is><t>%s</t></is></c>"
                        .formatted(column.letter(), column.header));
            }
            out.write("</row>");
            rows.write(out);
            out.write("</sheetData></worksheet>");
        });
        return this;
    }

    /** A shared strings table with what {@code items} writes inside sst. */
    RawWorkbook sharedStrings(Text items) {
        sharedStrings = true;
        parts.put("xl/sharedStrings.xml", out -> {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"%s\">".formatted(MAIN));
            items.write(out);
            out.write("</sst>");
        });
        return this;
    }

    RawWorkbook part(String name, Text text) {
        parts.put(name, text);
        return this;
    }

    byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(9);
            Writer text = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
            for (Map.Entry<String, Text> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                part.getValue().write(text);
                text.flush();
                zip.closeEntry();
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }
}
