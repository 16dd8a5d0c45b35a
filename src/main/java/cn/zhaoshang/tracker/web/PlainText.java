package cn.zhaoshang.tracker.web;

import java.beans.PropertyEditorSupport;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Text that can be stored in an event for ever: no NUL or other control character (tab and line breaks aside) and no
 * half of a surrogate pair, which no font shows, no export encodes and PostgreSQL refuses. JSON bodies are checked
 * by {@link JsonConfig}; form fields and query parameters here, for every controller.
 */
@ControllerAdvice
class PlainText {

    @InitBinder
    void plainText(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                if (!plain(text)) {
                    throw new IllegalArgumentException("control characters or broken Unicode");
                }
                setValue(text);
            }
        });
    }

    static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)
                    || (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')) {
                return false;
            }
        }
        return true;
    }
}
