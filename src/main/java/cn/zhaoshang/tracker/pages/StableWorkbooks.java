package cn.zhaoshang.tracker.pages;

import static cn.zhaoshang.tracker.shared.BusinessDate.CHINA;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a workbook so that the same content gives the same bytes at every download: POI stamps the document's
 * creation time and every zip entry's time with the moment of writing; here both are the time given, or none.
 */
public final class StableWorkbooks {

    /** The zip format's earliest time, which tools show as "no time". */
    private static final LocalDateTime NO_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private StableWorkbooks() {}

    /** The bytes of a workbook whose content does not name a moment: no creation time at all. */
    public static byte[] bytes(XSSFWorkbook workbook) {
        workbook.getProperties().getCoreProperties().setCreated(Optional.<Date>empty());
        return written(workbook, NO_TIME);
    }

    /** The bytes of a workbook created at {@code created} (as its metadata says), the same at every writing. */
    public static byte[] bytes(XSSFWorkbook workbook, Instant created) {
        workbook.getProperties().getCoreProperties().setCreated(Optional.of(Date.from(created)));
        return written(workbook, LocalDateTime.ofInstant(created, CHINA));
    }

    private static byte[] written(XSSFWorkbook workbook, LocalDateTime entryTime) {
        try {
            ByteArrayOutputStream poi = new ByteArrayOutputStream();
            workbook.write(poi);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(poi.toByteArray()));
                    ZipOutputStream zip = new ZipOutputStream(out)) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    ZipEntry copy = new ZipEntry(entry.getName());
                    // zip times are local times; China's, like every other time the workbooks show
                    copy.setTimeLocal(entryTime);
                    zip.putNextEntry(copy);
                    in.transferTo(zip);
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException inMemory) {
            throw new UncheckedIOException(inMemory);
        }
    }
}
