package cn.zhaoshang.tracker;

import java.nio.file.Path;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The embedded H2 store as application.yml configures it (see there why each setting), for tests that start the
 * application on a store of their own: they run the settings users run, not a copy that drifts from them.
 */
public final class EmbeddedStore {

    private static final String DEFAULT_FILE = "jdbc:h2:file:./data/tracker";

    private EmbeddedStore() {}

    /** application.yml's URL, on {@code file} instead of ./data/tracker. */
    public static String url(Path file) {
        return "jdbc:h2:file:" + file.toAbsolutePath() + settings();
    }

    /** application.yml's URL with one of its settings changed, e.g. {@code "WRITE_DELAY=0"} to a later write. */
    public static String urlWith(String setting, String instead) {
        String url = DEFAULT_FILE + settings();
        if (!url.contains(";" + setting)) {
            throw new IllegalStateException("application.yml's store no longer has " + setting + ": " + url);
        }
        return url.replace(";" + setting, ";" + instead);
    }

    /** What follows the file in application.yml's URL: {@code ;WRITE_DELAY=0;…}. */
    private static String settings() {
        YamlPropertiesFactoryBean application = new YamlPropertiesFactoryBean();
        application.setResources(new ClassPathResource("application.yml"));
        String url = application.getObject().getProperty("spring.datasource.url");
        if (url == null || !url.startsWith(DEFAULT_FILE)) {
            throw new IllegalStateException("application.yml's store is no longer " + DEFAULT_FILE + ": " + url);
        }
        return url.substring(DEFAULT_FILE.length());
    }
}
