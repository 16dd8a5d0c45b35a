package cn.zhaoshang.tracker.ledger;

import static org.apache.poi.xssf.usermodel.XSSFRelation.NS_SPREADSHEETML;

import java.util.Arrays;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * The rows of a sheet as POI's {@link XSSFSheetXMLHandler} streams them, each handed on when it ends as its cells by
 * column. Every row, cell and character is counted against the {@link ReadLimits} as the parser meets it, empty
 * cells included, so a hostile sheet is stopped where it passes a limit. The header (row 0) always comes first,
 * empty if the sheet has none.
 */
final class SheetRows implements SheetContentsHandler {

    /** Receives the rows; {@code cells} is reused for the next row and holds null where a cell is empty. */
    interface Receiver {
        void row(int index, SheetCell[] cells);
    }

    private final ReadLimits limits;
    private final Receiver receiver;
    private final boolean date1904;
    private final SheetCell[] cells = new SheetCell[ReadLimits.MAX_COLUMNS];
    private boolean headerSeen;
    private int column;
    private CellType type;
    private boolean formula;
    private boolean valued;

    SheetRows(ReadLimits limits, Receiver receiver, boolean date1904) {
        this.limits = limits;
        this.receiver = receiver;
        this.date1904 = date1904;
    }

    /** The SAX handler to parse the sheet part with. */
    ContentHandler parser(SharedStrings strings) {
        return new Counted(strings);
    }

    /** The parse is done: a sheet without rows still has its (empty) header checked. */
    void finish() {
        header();
    }

    @Override
    public void startRow(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("row number " + (index + 1));
        }
        if (index > 0) {
            header();
        }
        limits.row(index);
        Arrays.fill(cells, null);
        column = -1;
    }

    @Override
    public void endRow(int index) {
        headerSeen |= index == 0;
        receiver.row(index, cells);
    }

    @Override
    public void cell(String reference, String value, XSSFComment comment) {
        valued = true;
        cells[column] =
                new SheetCell(type, type == CellType.ERROR ? value.substring("ERROR:".length()) : value, date1904);
    }

    /** A cell element starts: as Excel does, a cell without a reference follows the one before it. */
    private void startCell(String reference, String storedType) {
        column = reference == null ? column + 1 : column(reference);
        limits.cell(column);
        type = switch (storedType == null ? "n" : storedType) {
            case "s", "str", "inlineStr" -> CellType.STRING;
            case "b" -> CellType.BOOLEAN;
            case "e" -> CellType.ERROR;
            default -> CellType.NUMERIC;
        };
        formula = false;
        valued = false;
    }

    /** A formula without a cached result reads as an empty value of its type, as the workbook model reads it. */
    private void endCell() {
        if (formula && !valued) {
            cells[column] = new SheetCell(type, "", date1904);
        }
    }

    private void header() {
        if (!headerSeen) {
            headerSeen = true;
            receiver.row(0, new SheetCell[ReadLimits.MAX_COLUMNS]);
        }
    }

    /** The column of a reference such as "R2001", numbered from 0; any column past the limit reads as the limit. */
    private static int column(String reference) {
        int column = 0;
        for (int i = 0; i < reference.length(); i++) {
            char letter = Character.toUpperCase(reference.charAt(i));
            if (letter < 'A' || letter > 'Z') {
                break;
            }
            column = column * 26 + letter - 'A' + 1;
            if (column > ReadLimits.MAX_COLUMNS) {
                return ReadLimits.MAX_COLUMNS;
            }
        }
        if (column == 0) {
            throw new IllegalArgumentException("cell reference " + reference);
        }
        return column - 1;
    }

    /** POI's sheet handler, with the limits checked as the elements and characters come. */
    private final class Counted extends XSSFSheetXMLHandler {

        /** Elements whose characters the handler keeps: a cell's (value, inline string, formula), a header's. */
        private static final Set<String> KEPT =
                Set.of("c", "oddHeader", "evenHeader", "firstHeader", "oddFooter", "evenFooter", "firstFooter");

        private boolean kept;
        private int characters;

        Counted(SharedStrings strings) {
            // no styles: the rules take numbers as stored, so number formats would only cost heap
            super(null, strings, SheetRows.this, false);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            if (NS_SPREADSHEETML.equals(uri)) {
                if (localName.equals("c")) {
                    startCell(attributes.getValue("r"), attributes.getValue("t"));
                } else if (localName.equals("f")) {
                    formula = true;
                }
                if (KEPT.contains(localName)) {
                    kept = true;
                    characters = 0;
                }
            }
            super.startElement(uri, localName, qName, attributes);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            super.endElement(uri, localName, qName);
            if (NS_SPREADSHEETML.equals(uri) && KEPT.contains(localName)) {
                kept = false;
                if (localName.equals("c")) {
                    endCell();
                }
            }
        }

        /** A cell's characters add up across its runs; whitespace between elements costs nothing. */
        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (kept) {
                characters += length;
                limits.characters(characters);
            }
            super.characters(ch, start, length);
        }
    }
}
