package cn.zhaoshang.tracker.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.apache.commons.io.input.BoundedInputStream;

/**
 * What reading one uploaded workbook may cost, and how much of it the read has used so far. A full 台账 — the header
 * and {@value #MAX_ROWS} rows of the template's 18 columns, under 1 MB of XML as POI writes it — is far inside every limit; a
 * workbook past one is refused the moment it passes it, while it is still being inflated and parsed, with a message
 * that names the limit. The first limit passed is kept: a later check throws it again even if POI swallowed it.
 */
final class ReadLimits {

    /** Project rows below the header (the last row may be row {@value #MAX_ROWS} + 1 as Excel counts). */
    static final int MAX_ROWS = 2000;
    /** The template has 18 columns; the rest leaves room for notes beside them, not for a sheet of numbers. */
    static final int MAX_COLUMNS = 64;
    /** Cell elements in the sheet, empty ones included: each cell the row and column limits allow, once. */
    static final int MAX_CELLS = (MAX_ROWS + 1) * MAX_COLUMNS;
    /** Characters in one cell (or one shared string): Excel's own limit, so no honest workbook passes it. */
    static final int MAX_CELL_CHARS = 32_767;
    /** Entries of the shared strings table: each of the 36,000 cells of a full ledger a different text, twice. */
    static final int MAX_SHARED_STRINGS = 75_000;
    /**
     * Characters of all shared strings together, the one part of a workbook held whole: a full ledger with every
     * text at its longest allowed (200 characters for names, 1,000 for a reason) has about 3.2 million.
     */
    static final int MAX_SHARED_STRING_CHARS = 4_000_000;
    /** The upload itself, as the request body limit (platform.BodySizeLimit). */
    static final long MAX_FILE_BYTES = 1024 * 1024;
    /**
     * [Content_Types].xml, the relationships and the document properties: POI reads these whole, as DOM trees, when
     * it opens the package, some 30 µs of CPU and 8 KB of garbage for each content type, and no limit of ours can
     * stop it in between; in an Excel file they are a few kilobytes.
     */
    static final long MAX_STRUCTURE_BYTES = 256 * 1024;
    /** Everything inflated from the package: the structure, the workbook part, the shared strings, the sheet. */
    static final long MAX_UNCOMPRESSED_BYTES = 16 * 1024 * 1024;
    /** A full ledger is read in under half a second on one core, about 1.5 s on a machine three times overloaded. */
    static final Duration MAX_READ_TIME = Duration.ofSeconds(5);

    private static final String STRUCTURE_TOO_LARGE =
            "工作簿的结构部分（内容类型、关系、属性）解压后超过%d KB / the workbook's structure (content types, relationships, "
                            .formatted(MAX_STRUCTURE_BYTES >> 10)
                    + "properties) is larger than %d KB uncompressed".formatted(MAX_STRUCTURE_BYTES >> 10);
    private static final String TOO_LARGE = "工作簿解压后超过%d MB / the workbook is larger than %d MB uncompressed"
            .formatted(MAX_UNCOMPRESSED_BYTES >> 20, MAX_UNCOMPRESSED_BYTES >> 20);

    private final long startedAt = System.nanoTime();
    private final Duration timeLimit;
    private boolean structureRead;
    private long inflated;
    private int rows;
    private int cells;
    private int sharedStrings;
    private long sharedStringChars;
    private BadWorkbook passed;

    ReadLimits() {
        this(MAX_READ_TIME);
    }

    /** With another time limit, so that a test can see the time limit at work on a small workbook. */
    ReadLimits(Duration timeLimit) {
        this.timeLimit = timeLimit;
    }

    /** The package's structure is read: from now on only the limit on everything inflated applies. */
    void structureRead() {
        check();
        structureRead = true;
    }

    /**
     * A part of the package as it is inflated, refused as soon as it passes what is left of the byte limit. Parts
     * are read one after the other (POI opens them so, and so does the reader), so what is left when a part is
     * opened is what it may use.
     */
    InputStream bound(InputStream part) throws IOException {
        long ceiling = structureRead ? MAX_UNCOMPRESSED_BYTES : MAX_STRUCTURE_BYTES;
        return BoundedInputStream.builder()
                .setInputStream(part)
                // one byte more than is left, so that a part that ends exactly at the limit is still read whole
                .setMaxCount(Math.max(0, ceiling - inflated) + 1)
                .setOnMaxCount((max, count) -> pass(structureRead ? TOO_LARGE : STRUCTURE_TOO_LARGE))
                .setAfterRead(read -> {
                    if (read > 0) {
                        inflated += read;
                    }
                    checkTime();
                })
                .get();
    }

    /** The upload's size, copied before anything is inflated. */
    void file(long bytes) {
        if (bytes > MAX_FILE_BYTES) {
            pass("文件超过%d MB / the file is larger than %d MB".formatted(MAX_FILE_BYTES >> 20, MAX_FILE_BYTES >> 20));
        }
    }

    /** A row element of the sheet, numbered from 0 as POI numbers rows. */
    void row(int index) {
        if (index > MAX_ROWS || ++rows > MAX_ROWS + 1) {
            pass("一次最多导入%d行 / at most %d rows per import".formatted(MAX_ROWS, MAX_ROWS));
        }
        checkTime();
    }

    /** A cell element of the sheet, in its column numbered from 0. */
    void cell(int column) {
        if (column >= MAX_COLUMNS) {
            pass("单元格超出第%d列（模板共%d列）/ a cell lies beyond column %d (the template has %d)"
                    .formatted(MAX_COLUMNS, Column.ALL.size(), MAX_COLUMNS, Column.ALL.size()));
        }
        if (++cells > MAX_CELLS) {
            pass("工作表的单元格超过%d个 / the sheet has more than %d cells".formatted(MAX_CELLS, MAX_CELLS));
        }
    }

    /** So many characters, so far, in the cell or shared string being read. */
    void characters(int count) {
        if (count > MAX_CELL_CHARS) {
            pass("单元格内容超过%d个字符 / a cell holds more than %d characters".formatted(MAX_CELL_CHARS, MAX_CELL_CHARS));
        }
    }

    /** One more entry of the shared strings table. */
    void sharedString() {
        if (++sharedStrings > MAX_SHARED_STRINGS) {
            pass("共享字符串超过%d个 / more than %d shared strings".formatted(MAX_SHARED_STRINGS, MAX_SHARED_STRINGS));
        }
    }

    /** So many more characters in the shared strings table. */
    void sharedStringCharacters(int count) {
        sharedStringChars += count;
        if (sharedStringChars > MAX_SHARED_STRING_CHARS) {
            pass("共享字符串共超过%d个字符 / the shared strings hold more than %d characters"
                    .formatted(MAX_SHARED_STRING_CHARS, MAX_SHARED_STRING_CHARS));
        }
    }

    /** Throws the limit passed, if one was, wherever it was passed. */
    void check() {
        if (passed != null) {
            throw passed;
        }
        checkTime();
    }

    BadWorkbook passed() {
        return passed;
    }

    private void checkTime() {
        if (System.nanoTime() - startedAt > timeLimit.toNanos()) {
            pass("读取工作簿超过%d秒 / reading the workbook took longer than %d s"
                    .formatted(timeLimit.toSeconds(), timeLimit.toSeconds()));
        }
    }

    private void pass(String limit) {
        if (passed == null) {
            passed = new BadWorkbook(limit);
        }
        throw passed;
    }
}
