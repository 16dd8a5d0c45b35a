package cn.zhaoshang.tracker.project;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * What a file is, by its first bytes and never by the name or Content-Type its sender gave: PDF, PNG, JPEG, Office
 * (OOXML: a zip holding {@code [Content_Types].xml}; legacy: an OLE2 compound file). An Office file's kind (document,
 * workbook, presentation) comes from its parts, or, for OLE2, from its name's extension. A zip's entries are only
 * listed, never inflated, and at most {@link #MAX_ENTRIES} of them: a zip bomb costs nothing here.
 */
final class EvidenceTypes {

    static final int MAX_ENTRIES = 10_000;

    static final String PDF = "application/pdf";
    static final String PNG = "image/png";
    static final String JPEG = "image/jpeg";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    static final String OLE2 = "application/x-ole-storage";

    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] OLE2_MAGIC = {
        (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
    };

    private EvidenceTypes() {}

    /** The file's media type, or empty when it is none of the accepted kinds. */
    static Optional<String> of(Path file, String fileName) throws IOException {
        byte[] head = new byte[8];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        byte[] start = Arrays.copyOf(head, read);
        if (startsWith(start, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (startsWith(start, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(start, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(start, OLE2_MAGIC)) {
            return Optional.of(legacyOffice(fileName));
        }
        if (startsWith(start, ZIP_MAGIC)) {
            return officeOpenXml(file);
        }
        return Optional.empty();
    }

    private static String legacyOffice(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".doc")) {
            return "application/msword";
        }
        if (name.endsWith(".xls")) {
            return "application/vnd.ms-excel";
        }
        if (name.endsWith(".ppt")) {
            return "application/vnd.ms-powerpoint";
        }
        return OLE2;
    }

    /** An OOXML package names its parts' types in [Content_Types].xml; its main part's folder says which kind. */
    private static Optional<String> officeOpenXml(Path file) throws IOException {
        boolean contentTypes = false;
        String kind = null;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_ENTRIES) {
                return Optional.empty();
            }
            Enumeration<? extends ZipEntry> entries = zip.entries();
            for (int n = 0; entries.hasMoreElements() && n < MAX_ENTRIES; n++) {
                String name = entries.nextElement().getName();
                if (name.equals("[Content_Types].xml")) {
                    contentTypes = true;
                } else if (kind == null && name.startsWith("word/")) {
                    kind = DOCX;
                } else if (kind == null && name.startsWith("xl/")) {
                    kind = XLSX;
                } else if (kind == null && name.startsWith("ppt/")) {
                    kind = PPTX;
                }
            }
        } catch (ZipException | IllegalArgumentException notAZip) {
            return Optional.empty();
        }
        return contentTypes && kind != null ? Optional.of(kind) : Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
