package cn.zhaoshang.tracker.pages;

import java.util.Locale;

/** The rules' messages are "中文 / English"; a page shows the reader's half. */
public final class Bilingual {

    private Bilingual() {}

    public static String inLanguageOf(String message, Locale locale) {
        if (message == null) {
            return null;
        }
        int split = message.indexOf(" / ");
        if (split < 0) {
            return message;
        }
        return "en".equals(locale.getLanguage()) ? message.substring(split + 3) : message.substring(0, split);
    }
}
