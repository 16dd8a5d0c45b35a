package cn.zhaoshang.tracker;

import cn.zhaoshang.tracker.audit.ExportVerifier;
import java.nio.file.Path;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class TrackerApplication {

    public static void main(String[] args) {
        if (args.length == 2 && args[0].equals("verify-export")) {
            System.exit(ExportVerifier.run(Path.of(args[1]), System.out));
        }
        SpringApplication.run(TrackerApplication.class, args);
    }
}
