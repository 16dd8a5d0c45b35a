package cn.zhaoshang.tracker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** Keys and certificates made with openssl for the TLS tests: {@code NAME.key} and {@code NAME.crt} in a folder. */
final class TestCertificates {

    private TestCertificates() {}

    /** A CA, a certificate for localhost that it signed, and another CA that signed nothing here. */
    record ForLocalhost(Path ca, Path localhost, Path stranger) {}

    /** Makes a {@link ForLocalhost} in {@code folder}: what a TLS test needs to show one trust and one refusal. */
    static ForLocalhost forLocalhost(Path folder) throws Exception {
        Path ca = make(folder, "ca", "/CN=tracker-test-ca", null);
        return new ForLocalhost(
                ca,
                make(folder, "localhost", "/CN=localhost", ca),
                make(folder, "stranger", "/CN=tracker-other-ca", null));
    }

    /**
     * A key and certificate named {@code name} in {@code folder}, for the host name localhost; signed by the
     * certificate {@code ca} (its key beside it) when given, else self-signed (a CA). Returns the certificate.
     */
    private static Path make(Path folder, String name, String subject, Path ca) throws Exception {
        Path key = folder.resolve(name + ".key");
        Path crt = folder.resolve(name + ".crt");
        List<String> command = ca == null
                ? List.of(
                        "openssl",
                        "req",
                        "-x509",
                        "-newkey",
                        "rsa:2048",
                        "-nodes",
                        "-days",
                        "2",
                        "-subj",
                        subject,
                        "-keyout",
                        key.toString(),
                        "-out",
                        crt.toString())
                : List.of(
                        "bash",
                        "-c",
                        ("openssl req -new -newkey rsa:2048 -nodes -subj '%s' -keyout %s -out %s.csr"
                                        + " && openssl x509 -req -in %s.csr -CA %s -CAkey %s -CAcreateserial -days 2"
                                        + " -extfile <(printf 'subjectAltName=DNS:localhost') -out %s")
                                .formatted(subject, key, crt, crt, ca, keyOf(ca), crt));
        Process made = new ProcessBuilder(command).redirectErrorStream(true).start();
        String printed = new String(made.getInputStream().readAllBytes());
        if (made.waitFor() != 0) {
            throw new IllegalStateException("openssl failed: " + printed);
        }
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        return crt;
    }

    static Path keyOf(Path certificate) {
        return certificate.resolveSibling(certificate.getFileName().toString().replace(".crt", ".key"));
    }
}
