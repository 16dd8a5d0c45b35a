package cn.zhaoshang.tracker.ledger;

import static org.apache.poi.xssf.usermodel.XSSFRelation.NS_SPREADSHEETML;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.io.input.BoundedInputStream;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipEntrySource;
import org.apache.poi.openxml4j.util.ZipFileZipEntrySource;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Streams the first sheet of an uploaded .xlsx with POI's event API (SAX), within {@link ReadLimits}; nothing of
 * the workbook is held as a whole but its shared strings.
 *
 * <p>The upload is copied to a temporary file (deleted when the read ends) and opened as a zip file, and every part
 * POI or the reader inflates from it passes one counting stream. That includes the parts POI parses as DOM trees when
 * it opens a package (content types, relationships, properties), which is why the package is opened from a
 * {@link ZipEntrySource} rather than with {@code OPCPackage.open(File)}: that one neither counts them nor refuses a
 * damaged central directory, and falls back to reading every entry into memory. POI's 1 % compression floor is not
 * used either: the byte limits bound what any ratio inflates to, and an honest ledger of repeated rows may compress
 * better than 1 %.
 *
 * <p>Heap bound of one read, about 16 MB: the shared strings, the one part held whole (at most
 * {@value ReadLimits#MAX_SHARED_STRING_CHARS} characters in {@value ReadLimits#MAX_SHARED_STRINGS} strings: 8 MB of
 * characters, 4 MB of string objects); the rows the rules keep (a full ledger's 2,000: a few MB); the row being read
 * ({@value ReadLimits#MAX_COLUMNS} cells of at most {@value ReadLimits#MAX_CELL_CHARS} characters); the DOM trees
 * POI builds of at most {@link ReadLimits#MAX_STRUCTURE_BYTES} bytes of structure; the parser's buffers. Measured:
 * every hostile workbook of LedgerReaderLimitsTest is refused, and shared strings at their limits are read, in a
 * JVM of 32 MB heap with 16 MB of it already in use (docs/reliability.md, "Hostile workbooks").
 */
final class FirstSheet {

    private static final String NS_RELATIONSHIPS =
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private FirstSheet() {}

    static void read(InputStream upload, ReadLimits limits, SheetRows.Receiver receiver)
            throws IOException, OpenXML4JException, SAXException {
        Path copy = Files.createTempFile("ledger-import-", ".xlsx");
        try {
            limits.file(Files.copy(
                    BoundedInputStream.builder()
                            .setInputStream(upload)
                            .setMaxCount(ReadLimits.MAX_FILE_BYTES + 1)
                            .get(),
                    copy,
                    StandardCopyOption.REPLACE_EXISTING));
            try (ZipEntrySource zip =
                    new CountedZip(ZipFile.builder().setPath(copy).get(), limits)) {
                OPCPackage workbook = OPCPackage.open(zip);
                try {
                    // the reader parses the package's own relationships, the last of its structure
                    XSSFReader reader = new XSSFReader(workbook);
                    limits.structureRead();
                    read(reader, limits, receiver);
                } finally {
                    // a package opened for reading is closed by reverting it (close() would try to save it)
                    workbook.revert();
                }
            }
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private static void read(XSSFReader reader, ReadLimits limits, SheetRows.Receiver receiver)
            throws IOException, OpenXML4JException, SAXException {
        WorkbookPart workbook = new WorkbookPart();
        try (InputStream in = reader.getWorkbookData()) {
            parse(in, workbook);
        }
        if (workbook.firstSheet == null) {
            throw new BadWorkbook("工作簿中没有工作表 / the workbook has no sheet");
        }
        CountedStrings strings = new CountedStrings(limits);
        try (InputStream in = reader.getSharedStringsData()) {
            if (in != null) {
                strings.readFrom(in);
            }
        }
        limits.check();
        SheetRows rows = new SheetRows(limits, receiver, workbook.date1904);
        try (InputStream in = reader.getSheet(workbook.firstSheet)) {
            parse(in, rows.parser(strings));
        }
        limits.check();
        rows.finish();
    }

    private static void parse(InputStream part, ContentHandler handler) throws IOException, SAXException {
        try {
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(handler);
            parser.parse(new InputSource(part));
        } catch (ParserConfigurationException broken) {
            throw new IllegalStateException(broken);
        }
    }

    /** The package's zip file, every part inflated from it counted against the limits. */
    private static final class CountedZip implements ZipEntrySource {

        private final ZipEntrySource zip;
        private final ReadLimits limits;

        CountedZip(ZipFile zip, ReadLimits limits) {
            this.zip = new ZipFileZipEntrySource(zip);
            this.limits = limits;
        }

        @Override
        public InputStream getInputStream(ZipArchiveEntry entry) throws IOException {
            return limits.bound(zip.getInputStream(entry));
        }

        @Override
        public Enumeration<? extends ZipArchiveEntry> getEntries() {
            return zip.getEntries();
        }

        @Override
        public ZipArchiveEntry getEntry(String path) {
            return zip.getEntry(path);
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }

        @Override
        public boolean isClosed() {
            return zip.isClosed();
        }
    }

    /** From workbook.xml: the first sheet in the workbook's order, and the workbook's date system. */
    private static final class WorkbookPart extends DefaultHandler {

        String firstSheet;
        boolean date1904;
        private boolean propertiesSeen;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if (!NS_SPREADSHEETML.equals(uri)) {
                return;
            }
            if (localName.equals("workbookPr") && !propertiesSeen) {
                propertiesSeen = true;
                String date1904 = attributes.getValue("date1904");
                this.date1904 = "1".equals(date1904) || "true".equals(date1904);
            } else if (localName.equals("sheet") && firstSheet == null) {
                firstSheet = attributes.getValue(NS_RELATIONSHIPS, "id");
            }
        }
    }

    /**
     * POI's read-only shared strings table (strings only, without the phonetic runs, as the workbook model reads
     * them), its entries and their characters counted as they are parsed.
     */
    private static final class CountedStrings extends ReadOnlySharedStringsTable {

        private final ReadLimits limits;
        private boolean inItem;
        private int characters;

        CountedStrings(ReadLimits limits) throws IOException, SAXException {
            // nothing to read yet: the table is read with readFrom once the limits are in place
            super(InputStream.nullInputStream(), false);
            this.limits = limits;
        }

        @Override
        public void startElement(String uri, String localName, String name, Attributes attributes) throws SAXException {
            if (NS_SPREADSHEETML.equals(uri) && localName.equals("si")) {
                limits.sharedString();
                inItem = true;
                characters = 0;
            }
            super.startElement(uri, localName, name, attributes);
        }

        @Override
        public void endElement(String uri, String localName, String name) throws SAXException {
            super.endElement(uri, localName, name);
            if (NS_SPREADSHEETML.equals(uri) && localName.equals("si")) {
                inItem = false;
            }
        }

        /** Only an entry's characters are kept; whitespace between entries costs nothing. */
        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (inItem) {
                characters += length;
                limits.characters(characters);
                limits.sharedStringCharacters(length);
            }
            super.characters(ch, start, length);
        }
    }
}
