package cn.zhaoshang.tracker.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.DateUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile workbooks, generated here byte by byte: each is refused with the limit it passes, quickly, without the
 * heap the whole workbook would take. The figures printed for each (time, bytes allocated, peak heap) are the ones
 * in docs/reliability.md; the bounds asserted are generous, to catch a regression, not to benchmark.
 */
class LedgerReaderLimitsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 1, 1);
    /** Each read is refused or done within this: generous, the limits stop them in milliseconds. */
    private static final Duration GENEROUSLY = Duration.ofSeconds(5);

    /** POI's classes loaded and its parsers warmed, so that the first figures are not the class loader's. */
    @BeforeAll
    static void warmUp() throws IOException {
        LedgerReader.read(new ByteArrayInputStream(sample()), TODAY);
    }

    @Test
    void the_reviewers_workbook_of_two_thousand_rows_of_three_thousand_numbers_is_refused_at_its_first_wide_row() {
        byte[] xlsx = reviewersWorkbook();

        assertThat(xlsx.length).isBetween(900_000, (int) ReadLimits.MAX_FILE_BYTES);
        refused("reviewer's 2,000 x 3,000 cells", xlsx, "beyond column 64");
    }

    @Test
    void more_rows_than_an_import_takes_are_refused() {
        byte[] xlsx = new RawWorkbook()
                .rows(out -> {
                    for (int row = 2; row <= 200_000; row++) {
                        out.write("<row r=\"%d\"><c r=\"A%d\"><v>1</v></c></row>".formatted(row, row));
                    }
                })
                .zip();

        refused("200,000 rows", xlsx, "at most 2000 rows");
    }

    @Test
    void a_huge_shared_strings_table_is_refused_by_its_count() {
        byte[] xlsx = new RawWorkbook()
                .sharedStrings(out -> {
                    for (int i = 0; i < 2_000_000; i++) {
                        out.write("<si><t>a</t></si>");
                    }
                })
                .zip();

        refused("2,000,000 shared strings", xlsx, "more than 75000 shared strings");
    }

    @Test
    void one_enormous_inline_string_is_refused_by_its_length() {
        byte[] xlsx = new RawWorkbook()
                .rows(out -> {
                    out.write("<row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>");
                    repeat(out, "项目", 25_000_000);
                    out.write("</t></is></c></row>");
                })
                .zip();

        refused("one inline string of 50M characters", xlsx, "more than 32767 characters");
    }

    @Test
    void a_sheet_of_long_but_allowed_strings_is_refused_by_its_uncompressed_size() {
        String text = "x".repeat(30_000);
        byte[] xlsx = new RawWorkbook()
                .rows(out -> {
                    for (int row = 2; row <= 201; row++) {
                        out.write("<row r=\"%d\">".formatted(row));
                        for (Column column : Column.ALL) {
                            out.write("<c r=\"%s%d\" t=\"inlineStr\"><is><t>%s</t></is></c>"
                                    .formatted(column.letter(), row, text));
                        }
                        out.write("</row>");
                    }
                })
                .zip();

        refused("200 rows of 30,000-character cells", xlsx, "larger than 16 MB uncompressed");
    }

    @Test
    void a_zip_bomb_in_the_sheet_is_refused_by_its_uncompressed_size() {
        byte[] xlsx =
                new RawWorkbook().rows(out -> repeat(out, " ", 800_000_000)).zip();

        refused("zip bomb: 800 MB of spaces in the sheet", xlsx, "larger than 16 MB uncompressed");
    }

    @Test
    void a_zip_bomb_in_the_package_relationships_is_refused_before_poi_parses_them() {
        byte[] xlsx = new RawWorkbook()
                .part("_rels/.rels", RawWorkbook.rootRelationships(out -> repeat(out, " ", 200_000_000)))
                .zip();

        refused("zip bomb: 200 MB in _rels/.rels", xlsx, "structure (content types");
    }

    @Test
    void content_types_up_to_the_structure_limit_cost_a_bounded_time() {
        byte[] xlsx = new RawWorkbook()
                .part("[Content_Types].xml", out -> {
                    RawWorkbook.CONTENT_TYPES.write(out);
                    // some 53 bytes each: as many as fit under the limit
                    for (int i = 0; i < 4_500; i++) {
                        out.write("<Override PartName=\"/x/p%d.xml\" ContentType=\"a/b\"/>".formatted(i));
                    }
                    out.write("</Types>");
                })
                .zip();

        refused("4,500 content types, 240 KB (at the limit)", xlsx, "no project rows");
    }

    @Test
    void a_row_of_the_same_cell_repeated_is_refused_by_the_cell_count() {
        byte[] xlsx = new RawWorkbook()
                .rows(out -> {
                    out.write("<row r=\"2\">");
                    repeat(out, "<c r=\"A2\"/>", 1_000_000);
                    out.write("</row>");
                })
                .zip();

        refused("1,000,000 empty cells in one row", xlsx, "more than 128064 cells");
    }

    @Test
    void an_upload_larger_than_the_body_limit_is_refused_before_it_is_opened() {
        byte[] noise = new byte[(int) ReadLimits.MAX_FILE_BYTES + 1];
        new Random(1).nextBytes(noise);

        refused("1 MB of noise", noise, "larger than 1 MB");
    }

    @Test
    void a_read_that_runs_out_of_time_is_refused_with_the_time_limit() throws IOException {
        Throwable thrown = catchThrowable(
                () -> LedgerReader.read(new ByteArrayInputStream(sample()), TODAY, new ReadLimits(Duration.ZERO)));

        assertThat(thrown).isInstanceOf(BadWorkbook.class).hasMessageContaining("took longer than");
    }

    @Test
    void a_full_ledger_of_two_thousand_rows_is_read_well_inside_the_limits() {
        List<SampleLedger.Sample> samples = Stream.generate(SampleLedger::thirty)
                .flatMap(List::stream)
                .limit(ReadLimits.MAX_ROWS)
                .toList();
        byte[] xlsx = new RawWorkbook().rows(out -> ledgerRows(out, samples)).zip();

        LedgerReader.Result result = measured(
                "a full ledger, 2,000 rows", xlsx, () -> LedgerReader.read(new ByteArrayInputStream(xlsx), TODAY));

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).hasSize(ReadLimits.MAX_ROWS);
    }

    @Test
    void long_shared_strings_are_refused_by_their_characters_together() {
        String text = "项".repeat(30_000);
        byte[] xlsx = new RawWorkbook()
                .sharedStrings(out -> {
                    for (int i = 0; i < 1_000; i++) {
                        out.write("<si><t>%s</t></si>".formatted(text));
                    }
                })
                .zip();

        refused("1,000 shared strings of 30,000 characters", xlsx, "more than 4000000 characters");
    }

    @Test
    void shared_strings_up_to_their_limits_are_read_and_held() {
        String text = "项".repeat(ReadLimits.MAX_SHARED_STRING_CHARS / ReadLimits.MAX_SHARED_STRINGS);
        byte[] xlsx = new RawWorkbook()
                .sharedStrings(out -> {
                    for (int i = 0; i < ReadLimits.MAX_SHARED_STRINGS; i++) {
                        out.write("<si><t>%s</t></si>".formatted(text));
                    }
                })
                .zip();

        refused("75,000 shared strings, 4M characters (at the limits)", xlsx, "no project rows");
    }

    /** The template's header, then 2,000 rows of 3,000 one-digit numbers without references: about 1 MB zipped. */
    static byte[] reviewersWorkbook() {
        Random random = new Random(7);
        return new RawWorkbook()
                .rows(out -> {
                    for (int row = 2; row <= 2001; row++) {
                        out.write("<row>");
                        for (int column = 0; column < 3000; column++) {
                            out.write(random.nextInt(11) < 2 ? "<c><v>2</v></c>" : "<c><v>1</v></c>");
                        }
                        out.write("</row>");
                    }
                })
                .zip();
    }

    /** The samples' cells as Excel stores them: texts inline, dates as serial numbers, numbers as they are. */
    private static void ledgerRows(Writer out, List<SampleLedger.Sample> samples) throws IOException {
        int row = 2;
        for (SampleLedger.Sample sample : samples) {
            out.write("<row r=\"%d\">".formatted(row));
            for (Column column : Column.ALL) {
                Object value = sample.get(column);
                String reference = column.letter() + row;
                if (value instanceof LocalDate date) {
                    out.write("<c r=\"%s\" s=\"1\"><v>%s</v></c>".formatted(reference, DateUtil.getExcelDate(date)));
                } else if (value instanceof Double number) {
                    out.write("<c r=\"%s\"><v>%s</v></c>".formatted(reference, number));
                } else if (value != null) {
                    out.write("<c r=\"%s\" t=\"inlineStr\"><is><t>%s</t></is></c>".formatted(reference, value));
                }
            }
            out.write("</row>");
            row++;
        }
    }

    private static byte[] sample() throws IOException {
        try (InputStream in = LedgerReaderLimitsTest.class.getResourceAsStream("/ledger/sample-30.xlsx")) {
            return in.readAllBytes();
        }
    }

    private static void refused(String name, byte[] xlsx, String limit) {
        Throwable thrown = measured(
                name, xlsx, () -> catchThrowable(() -> LedgerReader.read(new ByteArrayInputStream(xlsx), TODAY)));

        assertThat(thrown).isInstanceOf(BadWorkbook.class).hasMessageContaining(limit);
    }

    /**
     * The read, with what it cost printed: wall and CPU time, bytes allocated by this thread, and the heap's peak
     * over what was in use before (the sum of the heap pools' peaks, garbage not yet collected included).
     */
    private static <T> T measured(String name, byte[] xlsx, Supplier<T> read) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();
        System.gc();
        long usedBefore =
                heap.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long allocatedBefore =
                threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();

        T outcome = read.get();

        long millis = (System.nanoTime() - start) / 1_000_000;
        long cpuMillis = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1_000_000;
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - allocatedBefore;
        long peak =
                heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() - usedBefore;
        System.out.printf(
                "%-52s %,9d bytes %,6d ms (cpu %,5d ms) allocated %,6.1f MB, peak heap +%,5.1f MB over %,4.1f MB  %s%n",
                name,
                xlsx.length,
                millis,
                cpuMillis,
                allocated / 1e6,
                peak / 1e6,
                usedBefore / 1e6,
                outcome instanceof Throwable thrown ? thrown.getMessage() : "read");
        assertThat(millis).as(name + " took").isLessThan(GENEROUSLY.toMillis());
        return outcome;
    }

    /** {@code text} so many times, written a few kilobytes at a time. */
    static void repeat(Writer out, String text, int times) throws IOException {
        int perBlock = Math.max(1, 8192 / text.length());
        String block = text.repeat(perBlock);
        for (int written = 0; written < times; written += perBlock) {
            out.write(written + perBlock <= times ? block : text.repeat(times - written));
        }
    }
}
