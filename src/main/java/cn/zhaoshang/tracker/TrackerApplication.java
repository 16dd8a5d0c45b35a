package cn.zhaoshang.tracker;

import cn.zhaoshang.tracker.access.PasswordHashes;
import cn.zhaoshang.tracker.audit.SigningKeyFiles;
import cn.zhaoshang.tracker.audit.VerifyExport;
import java.nio.file.Path;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class TrackerApplication {

    /** Set by {@code ./mvnw spring-boot:run} (pom.xml): a stop by Ctrl-C is a normal end there, not a failure. */
    static final String DEVELOPMENT_RUN = "tracker.development-run";

    public static void main(String[] args) {
        if (args.length >= 2 && args[0].equals("verify-export")) {
            VerifyExport.main(Arrays.copyOfRange(args, 1, args.length)); // exits with its status
        }
        if (args.length == 2 && args[0].equals("new-signing-key")) {
            System.exit(SigningKeyFiles.create(Path.of(args[1]), System.out));
        }
        if (args.length >= 1 && args[0].equals("migrate")) {
            System.exit(Migrations.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length == 1 && args[0].equals("hash-password")) {
            System.exit(PasswordHashes.main(System.out));
        }
        // Axon's console module prints an advertisement at every start; this application runs without it.
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication application = new SpringApplication(TrackerApplication.class);
        if (Boolean.getBoolean(DEVELOPMENT_RUN)) {
            // Maven stops the forked JVM with SIGTERM, whose exit status 143 it then reports as BUILD FAILURE. Once
            // the context is closed (the store with it), the run ends with status 0 instead.
            SpringApplication.getShutdownHandlers()
                    .add(() -> Runtime.getRuntime().halt(0));
        }
        application.run(args);
    }
}
